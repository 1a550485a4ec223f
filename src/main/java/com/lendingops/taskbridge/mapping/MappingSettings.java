package com.lendingops.taskbridge.mapping;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The configuration the mapping depends on, gathered in one value so the mapper stays a pure function.
 *
 * @param defaultAuthId        auth_id used when the event has none (INCS_AUTH_ID)
 * @param moduleId             task_module_info.module_id; without it no panel is sent (INCS_MODULE_ID)
 * @param zone                 zone of incs timestamps (INCS_TIME_ZONE)
 * @param defaultCountryCode   replaces a national leading 0 (INCS_DEFAULT_COUNTRY_CODE)
 * @param nameTemplate         task name when the event has none
 * @param descriptionTemplate  task description when the event has none
 */
public record MappingSettings(Optional<Long> defaultAuthId, Optional<String> moduleId, ZoneId zone,
                              String defaultCountryCode, String nameTemplate, String descriptionTemplate) {
}
