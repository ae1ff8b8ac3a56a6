package com.dealerops.settings;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.dealerops.common.audit.AuditTrail;
import com.dealerops.common.audit.HistoryEntry;
import com.dealerops.common.concurrency.EntityTags;
import com.dealerops.common.error.Problem.FieldError;
import com.dealerops.common.error.ProblemException;
import com.dealerops.common.paging.Page;
import com.dealerops.common.security.Caller;
import com.dealerops.common.security.StaffRegistry;
import com.dealerops.common.time.Clocks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Dealer settings: defaults for what was never stored, one version per section, validation beyond annotations,
 * every change in the audit trail with old and new values.
 */
@ApplicationScoped
public class SettingsService {

    private static final String AUDIT_TYPE = "settings:";

    private final SettingsRepository repository;
    private final AuditTrail audit;
    private final StaffRegistry registry;
    private final Validator validator;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public SettingsService(SettingsRepository repository, AuditTrail audit, StaffRegistry registry,
            Validator validator, ObjectMapper objectMapper, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.registry = registry;
        this.validator = validator;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** Every section of the caller's dealer (what other features read their rules from). */
    public Uni<DealerSettings> all(UUID dealerId) {
        return repository.load(dealerId).map(rows -> {
            Map<SettingsSection, Versioned<Record>> sections = resolve(rows);
            Map<String, Long> versions = new LinkedHashMap<>();
            sections.forEach((section, value) -> versions.put(section.path(), value.version()));
            return new DealerSettings(
                    (GeneralSettings) sections.get(SettingsSection.GENERAL).settings(),
                    (LeadSettings) sections.get(SettingsSection.LEADS).settings(),
                    (TestDriveSettings) sections.get(SettingsSection.TEST_DRIVES).settings(),
                    (QuoteSettings) sections.get(SettingsSection.QUOTES).settings(),
                    (DeliverySettings) sections.get(SettingsSection.DELIVERIES).settings(),
                    (FollowUpSettings) sections.get(SettingsSection.FOLLOW_UPS).settings(),
                    (ComplaintSettings) sections.get(SettingsSection.COMPLAINTS).settings(),
                    versions);
        });
    }

    public <T extends Record> Uni<Versioned<T>> section(UUID dealerId, SettingsSection section, Class<T> type) {
        return repository.load(dealerId).map(rows -> {
            Versioned<Record> stored = resolve(rows).get(section);
            return new Versioned<>(type.cast(stored.settings()), stored.version());
        });
    }

    /** The dealer's calendar, for deadlines and bookings. */
    public Uni<WorkingCalendar> calendar(UUID dealerId) {
        return section(dealerId, SettingsSection.GENERAL, GeneralSettings.class)
                .map(general -> new WorkingCalendar(general.settings()));
    }

    /**
     * Reads the current section first, then writes in a transaction of its own: the write is guarded by the
     * version, and no request holds a session's connection while it asks the pool for another.
     */
    public <T extends Record> Uni<Versioned<T>> replace(Caller caller, SettingsSection section, long expectedVersion,
            T replacement) {
        if (!section.mayBeEditedBy(caller)) {
            throw ProblemException.forbidden("Your role may not change the " + section.path() + " settings: admins "
                    + "may change every section, sales managers the leads and quotes sections");
        }
        validate(replacement);
        return repository.load(caller.dealerId()).chain(rows -> {
            Versioned<Record> current = resolve(rows).get(section);
            EntityTags.ensureCurrent(expectedVersion, current.version());
            return Panache.withTransaction(() -> store(caller, section, expectedVersion, replacement, current));
        });
    }

    private <T extends Record> Uni<Versioned<T>> store(Caller caller, SettingsSection section, long expectedVersion,
            T replacement, Versioned<Record> current) {
        String json = write(replacement);
        var now = Clocks.now(clock);
        Uni<Integer> stored = current.version() == 0
                ? repository.insert(caller.dealerId(), section, json, now, caller.staffId())
                : repository.update(caller.dealerId(), section, json, expectedVersion, now, caller.staffId());
        return stored.chain(count -> {
            if (count == 0) {
                throw new ProblemException(412, "stale-version", "Precondition failed",
                        "The settings were changed by someone else; fetch them again and reapply your change");
            }
            Uni<Integer> dealerRow = replacement instanceof GeneralSettings general
                    ? repository.updateDealer(caller.dealerId(), general.displayName(), general.timeZone())
                    : Uni.createFrom().item(0);
            return dealerRow.chain(ignored -> audit.record(caller, AUDIT_TYPE + section.path(),
                    caller.dealerId(), "UPDATED", fields(current.settings()), fields(replacement)));
        }).invoke(() -> {
            if (section == SettingsSection.GENERAL) {
                registry.forgetDealer(caller.dealerId()); // the dealer's zone may have changed
            }
        }).map(ignored -> new Versioned<>(replacement, current.version() + 1));
    }

    @WithSession
    public Uni<Page<HistoryEntry>> history(Caller caller, SettingsSection section, String cursor, int limit) {
        return audit.history(caller.dealerId(), AUDIT_TYPE + section.path(), caller.dealerId(), limit, cursor)
                .map(page -> new Page<>(page.items().stream()
                        .map(event -> HistoryEntry.of(event, caller.zone(), HistoryEntry.FieldPolicy.ALL)).toList(),
                        page.nextCursor()));
    }

    private Map<SettingsSection, Versioned<Record>> resolve(List<SettingsRepository.Stored> rows) {
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Dealer");
        }
        SettingsRepository.Stored dealer = rows.get(0);
        Map<SettingsSection, Versioned<Record>> sections = new EnumMap<>(SettingsSection.class);
        for (SettingsRepository.Stored row : rows) {
            if (row.section() != null) {
                SettingsSection section = SettingsSection.fromPath(row.section()).orElseThrow();
                sections.put(section, new Versioned<>(read(row.json(), section.type()), row.version()));
            }
        }
        for (SettingsSection section : SettingsSection.values()) {
            sections.computeIfAbsent(section, missing -> new Versioned<>(
                    SettingsDefaults.of(missing, dealer.dealerName(), dealer.timeZone()), 0L));
        }
        return sections;
    }

    private void validate(Record settings) {
        Set<ConstraintViolation<Record>> violations = validator.validate(settings);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        List<FieldError> errors = SettingsRules.check(settings);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    private Map<String, Object> fields(Record settings) {
        return objectMapper.convertValue(settings, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    private String write(Record settings) {
        try {
            return objectMapper.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T extends Record> T read(String json, Class<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored settings do not read as " + type.getSimpleName(), e);
        }
    }
}
