package ru.spobridge.app.console;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * How the upload and operator API answers a request it cannot take, before any flow sees it: in Russian, with a
 * stable code an operator's script can test — instead of Spring's English error body.
 */
@RestControllerAdvice
public class UploadErrors {

    public static final String EMPTY_FILE = "EMPTY_FILE";
    public static final String FILE_TOO_LARGE = "FILE_TOO_LARGE";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String MISSING_PARAMETER = "MISSING_PARAMETER";
    public static final String INVALID_PARAMETER = "INVALID_PARAMETER";
    public static final String UNREADABLE_BODY = "UNREADABLE_BODY";
    public static final String UNKNOWN_COLLEGE = "UNKNOWN_COLLEGE";
    public static final String UNKNOWN_FLOW = "UNKNOWN_FLOW";
    public static final String NOT_FOUND = "NOT_FOUND";
    /** The record named is gone or was already dealt with by someone else. */
    public static final String NOT_FOUND_OR_DONE = "NOT_FOUND_OR_DONE";
    public static final String RUN_IN_PROGRESS = "RUN_IN_PROGRESS";
    /** The flow is started by uploading its file, not by a command. */
    public static final String UPLOAD_ONLY = "UPLOAD_ONLY";
    public static final String CONFIRMATION_REQUIRED = "CONFIRMATION_REQUIRED";
    public static final String REASON_REQUIRED = "REASON_REQUIRED";
    public static final String NOT_PAUSED = "NOT_PAUSED";
    public static final String INVALID_STATUS = "INVALID_STATUS";
    public static final String MAPPING_REFUSED = "MAPPING_REFUSED";

    /** The largest file an operator may upload. */
    public static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;

    static final String HOW_TO_SEND = "передайте содержимое файла телом запроса как есть, например: "
            + "curl --data-binary @файл.csv -H 'Content-Type: text/csv'";

    /** {"code": …, "message": …}: the shape of every refusal of this API. */
    public static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return ResponseEntity.status(status).body(body);
    }

    public static ResponseEntity<Map<String, Object>> emptyFile() {
        return answer(HttpStatus.BAD_REQUEST, EMPTY_FILE, "Файл пустой: в запросе нет ни одного байта; " + HOW_TO_SEND);
    }

    public static ResponseEntity<Map<String, Object>> tooLarge(long bytes) {
        return answer(HttpStatus.PAYLOAD_TOO_LARGE, FILE_TOO_LARGE, "Файл слишком большой: " + (bytes < 0 ? "больше предела"
                : megabytes(bytes)) + " при пределе " + megabytes(MAX_UPLOAD_BYTES) + "; разделите его на части");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException unreadable) {
        // Spring says "Required request body is missing" for an upload with no body (Content-Length: 0)
        String message = unreadable.getMessage();
        if (message != null && message.startsWith("Required request body is missing")) {
            return emptyFile();
        }
        return answer(HttpStatus.BAD_REQUEST, UNREADABLE_BODY, "Тело запроса не прочитано: проверьте его формат (JSON для настроек, файл как есть для загрузки)");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException unsupported) {
        String found = unsupported.getContentType() == null ? "не указан" : unsupported.getContentType().toString();
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_MEDIA_TYPE, "Тип содержимого «" + found + "» здесь не принимается"
                + (unsupported.getSupportedMediaTypes().isEmpty() ? "" : " (принимаются: " + unsupported.getSupportedMediaTypes().stream()
                        .map(Object::toString).reduce((a, b) -> a + ", " + b).orElse("") + ")")
                + ". Файл не отправляют формой: " + HOW_TO_SEND);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException missing) {
        return answer(HttpStatus.BAD_REQUEST, MISSING_PARAMETER, "Не указан обязательный параметр «" + missing.getParameterName() + "»"
                + ("name".equals(missing.getParameterName()) ? " — имя файла, например ?name=приказы.csv" : ""));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Map<String, Object>> invalidParameter(MethodArgumentTypeMismatchException invalid) {
        boolean date = invalid.getRequiredType() != null && java.time.temporal.Temporal.class.isAssignableFrom(invalid.getRequiredType());
        return answer(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, "Параметр «" + invalid.getName() + "» задан неверно"
                + (date ? ": ожидается дата ГГГГ-ММ-ДД" : ""));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    public ResponseEntity<Map<String, Object>> missingPart(MissingServletRequestPartException missing) {
        return answer(HttpStatus.BAD_REQUEST, EMPTY_FILE, "В запросе нет файла «" + missing.getRequestPartName() + "»; " + HOW_TO_SEND);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<Map<String, Object>> maxUploadSize(MaxUploadSizeExceededException tooLarge) {
        return tooLarge(-1);
    }

    /** A form upload (the КТП takes one) whose body is not a readable multipart form. */
    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<Map<String, Object>> brokenForm(MultipartException broken) {
        return answer(HttpStatus.BAD_REQUEST, UNREADABLE_BODY, "Форма с файлом не прочитана: отправьте файл полем «file» формы "
                + "multipart/form-data или " + HOW_TO_SEND);
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.forLanguageTag("ru-RU"), "%.1f МБ", bytes / 1024.0 / 1024.0);
    }
}
