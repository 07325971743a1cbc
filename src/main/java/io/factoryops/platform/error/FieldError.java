package io.factoryops.platform.error;

/** One invalid input field of a problem: the JSON name of the field and what is wrong with it. */
public record FieldError(String field, String message) {}
