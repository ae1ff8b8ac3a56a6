package com.dealerops.settings;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.dealerops.common.error.Problem.FieldError;

/** The checks that span fields, which annotations cannot express; field names are JSON paths of the section. */
final class SettingsRules {

    private SettingsRules() {
    }

    static List<FieldError> check(Record settings) {
        List<FieldError> errors = new ArrayList<>();
        if (settings instanceof GeneralSettings general) {
            try {
                ZoneId.of(general.timeZone());
            } catch (DateTimeException e) {
                errors.add(new FieldError("timeZone", "must be an IANA time zone such as Asia/Shanghai"));
            }
            try {
                Currency.getInstance(general.currency());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("currency", "must be an ISO 4217 currency code such as CNY"));
            }
            Set<DayOfWeek> days = new HashSet<>();
            for (int i = 0; i < general.openingHours().size(); i++) {
                var hours = general.openingHours().get(i);
                if (!days.add(hours.day())) {
                    errors.add(new FieldError("openingHours[" + i + "].day", "is listed twice"));
                }
                if (!hours.opens().isBefore(hours.closes())) {
                    errors.add(new FieldError("openingHours[" + i + "].closes", "must be after opens"));
                }
            }
            unique(errors, "holidays", general.holidays(), GeneralSettings.Holiday::date);
            Set<LocalDate> holidays = new HashSet<>();
            general.holidays().forEach(holiday -> holidays.add(holiday.date()));
            for (int i = 0; i < general.extraWorkingDays().size(); i++) {
                if (holidays.contains(general.extraWorkingDays().get(i))) {
                    errors.add(new FieldError("extraWorkingDays[" + i + "]", "is also a holiday"));
                }
            }
        } else if (settings instanceof TestDriveSettings testDrives) {
            if (testDrives.maxDurationMinutes() < testDrives.minDurationMinutes()) {
                errors.add(new FieldError("maxDurationMinutes", "must be at least minDurationMinutes ("
                        + testDrives.minDurationMinutes() + ")"));
            }
        } else if (settings instanceof DeliverySettings deliveries) {
            unique(errors, "pdiChecklist", deliveries.pdiChecklist(), DeliverySettings.ChecklistItem::code);
            unique(errors, "requiredDocuments", deliveries.requiredDocuments(), DeliverySettings.ChecklistItem::code);
        } else if (settings instanceof FollowUpSettings followUps) {
            if (followUps.lowScoreThreshold() >= followUps.survey().scaleMax()) {
                errors.add(new FieldError("lowScoreThreshold", "must be below survey.scaleMax ("
                        + followUps.survey().scaleMax() + ")"));
            }
            unique(errors, "survey.questions", followUps.survey().questions(), FollowUpSettings.SurveyQuestion::code);
        } else if (settings instanceof ComplaintSettings complaints) {
            sla(errors, "low", complaints.low());
            sla(errors, "medium", complaints.medium());
            sla(errors, "high", complaints.high());
            sla(errors, "critical", complaints.critical());
        }
        return errors;
    }

    private static void sla(List<FieldError> errors, String field, ComplaintSettings.Sla sla) {
        if ((sla.resolveHours() == null) == (sla.resolveWorkingDays() == null)) {
            errors.add(new FieldError(field, "set exactly one of resolveHours and resolveWorkingDays"));
        }
    }

    private static <T> void unique(List<FieldError> errors, String field, List<T> items, Function<T, Object> key) {
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(key.apply(items.get(i)))) {
                errors.add(new FieldError(field + "[" + i + "]", "is listed twice"));
            }
        }
    }
}
