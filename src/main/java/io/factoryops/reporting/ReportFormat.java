package io.factoryops.reporting;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.FieldError;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The formats a stored report run may be downloaded in. Only JSON is written today; CSV, XLSX and PDF arrive
 * with the export writers, and until then asking for one is 406 NOT_ACCEPTABLE listing {@link #SUPPORTED}.
 */
public enum ReportFormat {
    JSON("application/json", "json"),
    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PDF("application/pdf", "pdf");

    /** What {@link ReportRunService#download} writes. */
    public static final Set<ReportFormat> SUPPORTED = EnumSet.of(JSON);

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The {@code format} parameter (default json); an unknown or unsupported one is 406 listing the supported. */
    public static ReportFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return JSON;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extension.equals(v) && SUPPORTED.contains(f)).findFirst()
                .orElseThrow(() -> notAcceptable(value.length() > 20 ? value.substring(0, 20) + "…" : value));
    }

    static ApiException notAcceptable(String asked) {
        List<String> supported = SUPPORTED.stream().map(ReportFormat::extension).toList();
        return new ApiException(ErrorCode.NOT_ACCEPTABLE, "format: '" + asked + "' is not available; supported: "
                + String.join(", ", supported), List.of(new FieldError("format", "must be one of " + supported)),
                Map.of());
    }
}
