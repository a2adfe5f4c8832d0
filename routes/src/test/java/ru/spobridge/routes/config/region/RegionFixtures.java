package ru.spobridge.routes.config.region;

import jakarta.validation.Validation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Small builders for region tests: a region profile in the shipped shape and a lookup over a map of variables. */
final class RegionFixtures {

    private RegionFixtures() {
    }

    static RegionProfile region() {
        return RegionFiles.read("test.yml", """
                region:
                  id: test
                  name: "Тестовый край"
                  zone: Asia/Yekaterinburg
                  contingent:
                    address: env:{ENV}_CONTINGENT_URL
                    token-url: http://contingent.example/token
                    client-id: "{id}"
                    client-secret: env:{ENV}_CONTINGENT_SECRET
                    schedule: "0 0 2 * * ?"
                  marks:
                    scale: { "отлично": "5", "[хорошо]": "4" }
                  targets:
                    epos: { base-url: "http://epos.example", client-id: "{id}", client-secret: "env:{ENV}_EPOS_SECRET", batch-limit: 500 }
                  blackouts:
                    - { flows: [marks], from: "07-01", to: "08-31", reason: "Летние каникулы" }
                colleges: {}
                """).region();
    }

    static CollegeDefinition college(String id, Map<String, Object> overrides) {
        return new CollegeDefinition(id, "test", "Колледж " + id, "1025900000015", null, overrides);
    }

    /** Every variable the region refers to, for the colleges named. */
    static Map<String, String> variables(String... envs) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String env : envs) {
            variables.put(env + "_CONTINGENT_URL", "http://contingent.example/ws");
            variables.put(env + "_CONTINGENT_SECRET", "s1");
            variables.put(env + "_EPOS_SECRET", "s2");
        }
        return variables;
    }

    static CollegeResolver resolver(Map<String, String> variables) {
        SecretLookup lookup = (college, field, reference) -> reference.startsWith("env:")
                ? Optional.ofNullable(variables.get(reference.substring(4))) : Optional.empty();
        return new CollegeResolver(lookup, Validation.buildDefaultValidatorFactory().getValidator(), Set.of("epos", "sgo", "aisepo"));
    }
}
