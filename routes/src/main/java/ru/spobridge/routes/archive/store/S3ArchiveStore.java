package ru.spobridge.routes.archive.store;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Archives in an S3-compatible bucket (MinIO, Yandex Object Storage): {@code <prefix><archive id>/<path>}, path-style
 * addressing by default. Objects are only ever added; a key already there is refused.
 */
public final class S3ArchiveStore implements ArchiveStore, AutoCloseable {

    /**
     * @param accessKey with {@code secretKey}: from the settings, which take them from the environment ({@code ${ENV}});
     *                  both blank: the standard AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables
     */
    public record Settings(URI endpoint, String region, String bucket, String prefix, boolean pathStyle, String accessKey,
                           String secretKey) {
        public Settings {
            if (bucket == null || bucket.isBlank()) {
                throw new IllegalArgumentException("не указана корзина (bucket)");
            }
            region = region == null || region.isBlank() ? "us-east-1" : region;
            prefix = prefix == null || prefix.isBlank() ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
        }
    }

    private final String name;
    private final Settings settings;
    private final S3Client s3;

    public S3ArchiveStore(String name, Settings settings) {
        this.name = name;
        this.settings = settings;
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle())
                // the newer default checksums (CRC32 trailers, aws-chunked) are not understood by every S3-compatible store
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        this.s3 = builder.build();
    }

    private static AwsCredentialsProvider credentials(Settings settings) {
        boolean given = settings.accessKey() != null && !settings.accessKey().isBlank();
        return given ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                : EnvironmentVariableCredentialsProvider.create();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String location(String archiveId) {
        return "s3://" + settings.bucket() + "/" + settings.prefix() + archiveId;
    }

    @Override
    public boolean exists(String archiveId) {
        return !keys(settings.prefix() + archiveId + "/", 1).isEmpty();
    }

    @Override
    public void put(String archiveId, String path, byte[] content) {
        String key = settings.prefix() + StorePaths.key(archiveId, path);
        if (head(key)) {
            throw new IllegalStateException("Файл " + path + " архива " + archiveId + " уже есть в хранилище «" + name + "»: архив не перезаписывается");
        }
        try {
            s3.putObject(request -> request.bucket(settings.bucket()).key(key).contentLength((long) content.length), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failure("файл " + path + " архива " + archiveId + " не записан", e);
        }
    }

    @Override
    public Optional<byte[]> read(String archiveId, String path) {
        String key = settings.prefix() + StorePaths.key(archiveId, path);
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(request -> request.bucket(settings.bucket()).key(key));
            return Optional.of(bytes.asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("файл " + path + " архива " + archiveId + " не прочитан", e);
        } catch (SdkException e) {
            throw failure("файл " + path + " архива " + archiveId + " не прочитан", e);
        }
    }

    @Override
    public List<String> list(String archiveId) {
        String folder = settings.prefix() + archiveId + "/";
        return keys(folder, Integer.MAX_VALUE).stream().map(key -> key.substring(folder.length())).sorted().toList();
    }

    private List<String> keys(String prefix, int limit) {
        List<String> keys = new ArrayList<>();
        String token = null;
        try {
            do {
                ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(settings.bucket()).prefix(prefix);
                if (token != null) {
                    request.continuationToken(token);
                }
                ListObjectsV2Response page = s3.listObjectsV2(request.build());
                for (S3Object object : page.contents()) {
                    keys.add(object.key());
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null && keys.size() < limit);
        } catch (SdkException e) {
            throw failure("список файлов " + prefix + " не получен", e);
        }
        return keys;
    }

    private boolean head(String key) {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(settings.bucket()).key(key).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure("файл " + key + " не проверен", e);
        } catch (SdkException e) {
            throw failure("файл " + key + " не проверен", e);
        }
    }

    private IllegalStateException failure(String what, SdkException e) {
        return new IllegalStateException("Хранилище «" + name + "» (" + settings.bucket() + "): " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        s3.close();
    }
}
