package io.factoryops.reporting.export;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The formats of an export, chosen by {@code ?format=} or else by {@code Accept} (the query parameter wins,
 * so that a browser link can ask for a file); JSON when neither says. Anything else is 406
 * {@code NOT_ACCEPTABLE} with {@code supported_formats}.
 */
public enum ExportFormat {
    JSON("json", "application/json", JsonTableWriter::new),
    CSV("csv", "text/csv", CsvTableWriter::new),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XlsxTableWriter::new),
    PDF("pdf", "application/pdf", PdfTableWriter::new);

    private final String value;
    private final MediaType mediaType;
    private final Function<OutputStream, TableWriter> writer;

    ExportFormat(String value, String mediaType, Function<OutputStream, TableWriter> writer) {
        this.value = value;
        this.mediaType = MediaType.valueOf(mediaType);
        this.writer = writer;
    }

    /** The name of {@code ?format=} and the file's extension. */
    public String value() {
        return value;
    }

    /** The media type, without parameters (e.g. a mail attachment's). */
    public String mediaType() {
        return mediaType.toString();
    }

    /** The Content-Type of the answer (CSV and JSON: UTF-8). */
    public String contentType() {
        return this == CSV || this == JSON ? mediaType + "; charset=UTF-8" : mediaType.toString();
    }

    TableWriter writer(OutputStream out) {
        return writer.apply(out);
    }

    /**
     * The format a request asks for: {@code format} when given, else the first acceptable media type
     * (in the client's order of preference) that one of the formats has; a wildcard means JSON.
     */
    public static ExportFormat of(String format, List<MediaType> acceptable) {
        if (format != null && !format.isBlank()) {
            String wanted = format.trim().toLowerCase(Locale.ROOT);
            return Arrays.stream(values())
                    .filter(f -> f.value.equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> notAcceptable("format=" + format.trim() + " is not a format of the exports"));
        }
        if (acceptable == null || acceptable.isEmpty()) {
            return JSON;
        }
        for (MediaType type : acceptable) {
            if (type.isWildcardType()) {
                return JSON;
            }
            for (ExportFormat f : values()) {
                if (type.isCompatible(f.mediaType)) {
                    return f;
                }
            }
        }
        throw notAcceptable("Accept: "
                + acceptable.stream().map(MediaType::toString).toList() + " names none of the formats of the exports");
    }

    private static ApiException notAcceptable(String why) {
        return new ApiException(
                ErrorCode.NOT_ACCEPTABLE,
                why + "; ask for one of format=json (application/json), csv (text/csv), xlsx (" + XLSX.mediaType
                        + ") or pdf (application/pdf)",
                List.of(),
                Map.of(),
                Map.of(
                        "supported_formats",
                        Arrays.stream(values()).map(ExportFormat::value).toList()));
    }
}
