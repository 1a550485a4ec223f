package com.lendingops.taskbridge.task;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores {@link RequestState} in lower case, as the schema's check constraint expects. */
@Converter(autoApply = true)
public class RequestStateConverter implements AttributeConverter<RequestState, String> {

    @Override
    public String convertToDatabaseColumn(RequestState state) {
        return state == null ? null : state.dbValue();
    }

    @Override
    public RequestState convertToEntityAttribute(String value) {
        return value == null ? null : RequestState.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
