package com.dealerops.testdrive;

import static com.dealerops.common.Texts.blankToNull;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.dealerops.common.Ids;
import com.dealerops.common.audit.AuditTrail;
import com.dealerops.common.concurrency.EntityTags;
import com.dealerops.common.error.DatabaseFailures;
import com.dealerops.common.error.ProblemException;
import com.dealerops.common.idempotency.Outcome;
import com.dealerops.common.paging.Keyset;
import com.dealerops.common.paging.Page;
import com.dealerops.common.paging.SortKey;
import com.dealerops.common.security.Caller;
import com.dealerops.common.security.Role;
import com.dealerops.common.time.Clocks;
import com.dealerops.customer.CustomerService;
import com.dealerops.lead.LeadService;
import com.dealerops.settings.LeadSettings;
import com.dealerops.settings.TestDriveSettings;
import com.dealerops.settings.WorkingCalendar;
import com.dealerops.staff.StaffRepository;
import com.dealerops.testdrive.dto.BookingInput;
import com.dealerops.testdrive.dto.CompleteInput;
import com.dealerops.testdrive.dto.StartInput;
import com.dealerops.testdrive.dto.TestDriveView;
import com.dealerops.vehicle.VehicleRepository;
import com.dealerops.vehicle.VehicleStatus;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Booking and running test drives. That a demo car or a salesperson is never double-booked is PostgreSQL's job
 * (exclusion constraints); this class checks everything else and explains a clash with the booking it hit.
 */
@ApplicationScoped
public class TestDriveService {

    static final String RESOURCE_TYPE = "test-drive";
    static final String SALESPERSON_CLASH = "test_drive_salesperson_free";
    private static final DateTimeFormatter RANGE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSXXX");
    private static final SortKey<TestDrive> EARLIEST_FIRST = SortKey.ascending("startsAt", Instant.class,
            t -> t.startsAt, t -> t.id);

    private final CustomerService customers;
    private final LeadService leads;
    private final VehicleRepository vehicles;
    private final StaffRepository staff;
    private final AuditTrail audit;
    private final Clock clock;

    public TestDriveService(CustomerService customers, LeadService leads, VehicleRepository vehicles,
            StaffRepository staff, AuditTrail audit, Clock clock) {
        this.customers = customers;
        this.leads = leads;
        this.vehicles = vehicles;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    public static URI location(UUID id) {
        return URI.create("/api/v1/test-drives/" + id);
    }

    /** Books a drive; a clash surfaces as the exclusion constraint's violation, explained by {@link #clash}. */
    @WithTransaction
    public Uni<Outcome> book(Caller caller, BookingInput input, TestDriveSettings settings,
            WorkingCalendar calendar) {
        Instant now = Clocks.now(clock);
        Instant starts = micros(input.startsAt());
        Instant ends = micros(input.endsAt());
        checkTimes(starts, ends, now, settings, calendar);
        if (input.leadId() == null && input.customerId() == null) {
            throw ProblemException.invalid("leadId", "give the lead, or the customer when there is no lead");
        }
        UUID salesperson = salespersonFor(caller, input.salespersonId());
        return checkSalesperson(caller, salesperson)
                .chain(() -> customerOf(caller, input))
                // shared lock: a status change of the car waits for this booking, or this booking sees it
                .call(customerId -> vehicles.findInDealerForShare(caller.dealerId(), input.vehicleId())
                        .invoke(vehicle -> {
                    if (vehicle == null) {
                        throw ProblemException.unprocessable("unknown-vehicle", "Unknown vehicle",
                                "vehicleId is not a vehicle of this dealer");
                    }
                    if (vehicle.status != VehicleStatus.DEMO) {
                        throw ProblemException.unprocessable("not-a-demo-car", "Not a demo car",
                                "Only demo cars (status DEMO) are booked for test drives; this one is "
                                        + vehicle.status);
                    }
                }))
                .call(customerId -> input.id() == null ? Uni.createFrom().voidItem()
                        : Panache.getSession().chain(session -> session.find(TestDrive.class, input.id()))
                                .invoke(existing -> {
                                    if (existing != null) {
                                        throw ProblemException.idTaken(input.id());
                                    }
                                }))
                .chain(customerId -> {
                    TestDrive drive = new TestDrive();
                    drive.id = input.id() != null ? input.id() : Ids.newId();
                    drive.dealerId = caller.dealerId();
                    drive.leadId = input.leadId();
                    drive.customerId = customerId;
                    drive.vehicleId = input.vehicleId();
                    drive.salespersonId = salesperson;
                    drive.startsAt = starts;
                    drive.endsAt = ends;
                    drive.salespersonSlot = range(starts, ends);
                    drive.vehicleSlot = range(starts, ends.plus(Duration.ofMinutes(settings.bufferMinutes())));
                    drive.status = TestDriveStatus.SCHEDULED;
                    drive.createdBy = caller.staffId();
                    drive.createdAt = now;
                    drive.updatedAt = now;
                    return Panache.getSession().chain(session -> session.persist(drive).chain(session::flush))
                            .call(() -> audit.record(caller, RESOURCE_TYPE, drive.id, "BOOKED", Map.of(),
                                    snapshot(drive)))
                            .map(ignored -> Outcome.created(location(drive.id), drive.version,
                                    toView(drive, caller.zone())));
                });
    }

    private void checkTimes(Instant starts, Instant ends, Instant now, TestDriveSettings settings,
            WorkingCalendar calendar) {
        Duration length = Duration.between(starts, ends);
        if (!ends.isAfter(starts) || length.compareTo(Duration.ofMinutes(settings.minDurationMinutes())) < 0
                || length.compareTo(Duration.ofMinutes(settings.maxDurationMinutes())) > 0) {
            throw ProblemException.invalid("endsAt", "a test drive lasts " + settings.minDurationMinutes() + " to "
                    + settings.maxDurationMinutes() + " minutes");
        }
        if (starts.isBefore(now)) {
            throw ProblemException.unprocessable("in-the-past", "In the past", "A test drive cannot start in the "
                    + "past");
        }
        if (starts.isAfter(now.plus(Duration.ofDays(settings.bookingHorizonDays())))) {
            throw ProblemException.unprocessable("beyond-horizon", "Too far ahead", "Test drives are booked at most "
                    + settings.bookingHorizonDays() + " days ahead");
        }
        Instant lastMoment = ends.minusNanos(1000);
        if (!calendar.isOpen(starts) || !calendar.isOpen(lastMoment)
                || !calendar.dateOf(starts).equals(calendar.dateOf(lastMoment))) {
            throw ProblemException.unprocessable("outside-opening-hours", "Outside opening hours",
                    "A test drive starts and ends within the showroom's opening hours of one day");
        }
    }

    private static UUID salespersonFor(Caller caller, UUID requested) {
        if (caller.has(Role.SALES_MANAGER)) {
            if (requested == null) {
                throw ProblemException.invalid("salespersonId", "a sales manager names the salesperson who drives");
            }
            return requested;
        }
        if (requested != null && !requested.equals(caller.staffId())) {
            throw ProblemException.forbidden("Salespeople book test drives for themselves");
        }
        return caller.staffId();
    }

    private Uni<Void> checkSalesperson(Caller caller, UUID salesperson) {
        if (salesperson.equals(caller.staffId())) {
            return Uni.createFrom().voidItem();
        }
        return staff.isActiveSalesStaff(caller.dealerId(), salesperson).invoke(ok -> {
            if (!ok) {
                throw ProblemException.unprocessable("unknown-salesperson", "Unknown salesperson",
                        "salespersonId must be an active salesperson of this dealer");
            }
        }).replaceWithVoid();
    }

    private Uni<UUID> customerOf(Caller caller, BookingInput input) {
        if (input.leadId() != null) {
            return leads.findForWork(caller, input.leadId()).map(lead -> {
                if (input.customerId() != null && !input.customerId().equals(lead.customerId)) {
                    throw ProblemException.invalid("customerId", "is not the lead's customer");
                }
                return lead.customerId;
            });
        }
        return customers.findForWork(caller, input.customerId()).map(customer -> customer.id);
    }

    /**
     * After a booking lost on an exclusion constraint (its transaction rolled back): the 409 names the booking it
     * clashed with. Any other failure passes through.
     */
    @WithSession
    public Uni<Void> clash(Caller caller, BookingInput input, TestDriveSettings settings, Throwable failure) {
        var error = DatabaseFailures.sqlError(failure)
                .filter(e -> "23P01".equals(e.sqlState()) || "40P01".equals(e.sqlState()));
        if (error.isEmpty()) {
            return Uni.createFrom().failure(failure);
        }
        Instant starts = micros(input.startsAt());
        Instant ends = micros(input.endsAt());
        UUID salesperson = salespersonFor(caller, input.salespersonId());
        boolean salespersonFirst = SALESPERSON_CLASH.equals(error.get().constraint());
        Uni<UUID> car = overlapping(caller, "vehicle_id", input.vehicleId(), "vehicle_slot", starts,
                ends.plus(Duration.ofMinutes(settings.bufferMinutes())));
        Uni<UUID> person = overlapping(caller, "salesperson_id", salesperson, "salesperson_slot", starts, ends);
        return (salespersonFirst ? person : car).chain(first -> first != null
                ? Uni.createFrom().item(new Clash(first, !salespersonFirst))
                : (salespersonFirst ? car : person).map(second -> new Clash(second, salespersonFirst)))
                .chain(found -> {
                    UUID other = found.booking();
                    boolean vehicle = found.vehicle();
                    Map<String, Object> details = new HashMap<>();
                    details.put("clashesWith", vehicle ? "vehicle" : "salesperson");
                    if (other != null) {
                        details.put("conflictingTestDriveId", other);
                    }
                    return Uni.createFrom().failure(ProblemException.conflict("test-drive-clash",
                            "Already booked", (vehicle ? "The car" : "The salesperson") + " is booked for an "
                                    + "overlapping time" + (vehicle ? " (with the dealer's buffer between drives)" : "")
                                    + (other == null ? "" : "; it clashes with test drive " + other), details));
                });
    }

    /** The booking a new one clashed with (null when it has gone meanwhile), and whether over the car. */
    private record Clash(UUID booking, boolean vehicle) {
    }

    static boolean isDeadlock(Throwable failure) {
        return DatabaseFailures.sqlError(failure).filter(error -> "40P01".equals(error.sqlState())).isPresent();
    }

    /** The first booking (not cancelled) of this car or salesperson whose time overlaps [starts, until). */
    private Uni<UUID> overlapping(Caller caller, String column, UUID subject, String slot, Instant starts,
            Instant until) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT id FROM test_drive "
                + "WHERE dealer_id = :dealerId AND " + column + " = :subject AND status <> 'CANCELLED' AND " + slot
                + " && tstzrange(:starts, :until) ORDER BY starts_at LIMIT 1", UUID.class)
                .setParameter("dealerId", caller.dealerId()).setParameter("subject", subject)
                .setParameter("starts", starts.atOffset(ZoneOffset.UTC))
                .setParameter("until", until.atOffset(ZoneOffset.UTC))
                .getSingleResultOrNull());
    }

    @WithSession
    public Uni<TestDriveView> get(Caller caller, UUID id) {
        return visible(caller, id).map(drive -> toView(drive, caller.zone()));
    }

    @WithSession
    public Uni<Page<TestDriveView>> list(Caller caller, UUID salespersonId, Instant from, Instant to, String cursor,
            int limit) {
        StringBuilder where = new StringBuilder("e.dealerId = :dealerId");
        Map<String, Object> params = new HashMap<>();
        params.put("dealerId", caller.dealerId());
        UUID salesperson = seesAll(caller) ? salespersonId : caller.staffId();
        if (!seesAll(caller) && salespersonId != null && !salespersonId.equals(caller.staffId())) {
            return Uni.createFrom().item(new Page<>(List.of(), null));
        }
        if (salesperson != null) {
            where.append(" and e.salespersonId = :salesperson");
            params.put("salesperson", salesperson);
        }
        if (from != null) {
            where.append(" and e.endsAt > :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and e.startsAt < :to");
            params.put("to", to);
        }
        return Panache.getSession().chain(session -> Keyset.page(session, TestDrive.class, where.toString(), params,
                EARLIEST_FIRST, cursor, limit))
                .map(page -> new Page<>(page.items().stream().map(d -> toView(d, caller.zone())).toList(),
                        page.nextCursor()));
    }

    @WithTransaction
    public Uni<Outcome> start(Caller caller, UUID id, Long expectedVersion, StartInput input, LeadSettings settings) {
        return workable(caller, id, expectedVersion, TestDriveStatus.SCHEDULED, "start").chain(drive -> {
            Instant now = Clocks.now(clock);
            LocalDate today = LocalDate.ofInstant(now, caller.zone());
            if (input.licenceExpiresOn().isBefore(today)) {
                throw ProblemException.unprocessable("licence-expired", "Licence expired",
                        "The driving licence expired on " + input.licenceExpiresOn() + "; nobody drives on it");
            }
            String licence = input.licenceNumber().trim();
            if (licence.length() < 5) {
                throw ProblemException.invalid("licenceNumber", "must have 5 to 30 characters");
            }
            Map<String, Object> before = snapshot(drive);
            drive.licenceNumber = licence;
            drive.licenceExpiresOn = input.licenceExpiresOn();
            drive.licencePhotoRef = blankToNull(input.licencePhotoRef());
            drive.waiverRef = input.waiverRef().trim();
            drive.waiverSha256 = input.waiverSha256().toLowerCase(java.util.Locale.ROOT);
            drive.odometerOut = input.odometerOut();
            drive.startedAt = now;
            drive.status = TestDriveStatus.IN_PROGRESS;
            drive.updatedAt = now;
            Uni<Void> lead = drive.leadId == null ? Uni.createFrom().voidItem()
                    : leads.testDriveStarted(caller, drive.leadId, settings);
            return lead.chain(() -> written(caller, drive, "STARTED", before));
        });
    }

    @WithTransaction
    public Uni<Outcome> complete(Caller caller, UUID id, Long expectedVersion, CompleteInput input) {
        return workable(caller, id, expectedVersion, TestDriveStatus.IN_PROGRESS, "complete").chain(drive -> {
            if (input.odometerIn() < drive.odometerOut) {
                throw ProblemException.unprocessable("odometer-backwards", "Odometer below check-out",
                        "odometerIn " + input.odometerIn() + " is below odometerOut " + drive.odometerOut);
            }
            Map<String, Object> before = snapshot(drive);
            Instant now = Clocks.now(clock);
            drive.odometerIn = input.odometerIn();
            drive.fuelLevelPercent = input.fuelLevelPercent();
            drive.damageNotes = blankToNull(input.damageNotes());
            drive.rating = input.rating();
            drive.feedback = blankToNull(input.feedback());
            drive.purchaseIntent = input.purchaseIntent();
            drive.completedAt = now;
            drive.status = TestDriveStatus.COMPLETED;
            drive.updatedAt = now;
            return written(caller, drive, "COMPLETED", before);
        });
    }

    @WithTransaction
    public Uni<Outcome> cancel(Caller caller, UUID id, Long expectedVersion, String reason) {
        return workable(caller, id, expectedVersion, TestDriveStatus.SCHEDULED, "cancel").chain(drive -> {
            Map<String, Object> before = snapshot(drive);
            drive.status = TestDriveStatus.CANCELLED;
            drive.cancelReason = reason.trim();
            drive.updatedAt = Clocks.now(clock);
            return written(caller, drive, "CANCELLED", before);
        });
    }

    @WithTransaction
    public Uni<Outcome> noShow(Caller caller, UUID id, Long expectedVersion) {
        return workable(caller, id, expectedVersion, TestDriveStatus.SCHEDULED, "no-show").chain(drive -> {
            Instant now = Clocks.now(clock);
            if (now.isBefore(drive.startsAt)) {
                throw ProblemException.conflict("not-started-yet", "Too early",
                        "A customer is a no-show only once the drive's start time has passed", Map.of());
            }
            Map<String, Object> before = snapshot(drive);
            drive.status = TestDriveStatus.NO_SHOW;
            drive.updatedAt = now;
            return written(caller, drive, "NO_SHOW", before);
        });
    }

    private Uni<TestDrive> workable(Caller caller, UUID id, Long expectedVersion, TestDriveStatus from, String action) {
        return visible(caller, id).invoke(drive -> {
            if (!canRun(caller, drive)) {
                throw ProblemException.forbidden("Only the drive's salesperson or a sales manager runs it");
            }
            if (expectedVersion != null) {
                EntityTags.ensureCurrent(expectedVersion, drive.version);
            }
            if (drive.status != from) {
                throw ProblemException.illegalTransition("test drive", drive.status, action,
                        allowedActions(drive.status));
            }
        });
    }

    static List<String> allowedActions(TestDriveStatus status) {
        return switch (status) {
            case SCHEDULED -> List.of("start", "cancel", "no-show");
            case IN_PROGRESS -> List.of("complete");
            default -> List.of();
        };
    }

    private Uni<TestDrive> visible(Caller caller, UUID id) {
        return Panache.getSession().chain(session -> session.find(TestDrive.class, id)).map(drive -> {
            if (drive == null || !drive.dealerId.equals(caller.dealerId())
                    || !(seesAll(caller) || caller.staffId().equals(drive.salespersonId))) {
                throw ProblemException.notFound("Test drive");
            }
            return drive;
        });
    }

    /** Managers see and run all drives; after-sales (who prepare the cars) and customer service read them all. */
    static boolean seesAll(Caller caller) {
        return caller.hasAny(Role.SALES_MANAGER, Role.AFTER_SALES, Role.CUSTOMER_SERVICE);
    }

    private static boolean canRun(Caller caller, TestDrive drive) {
        return caller.has(Role.SALES_MANAGER)
                || (caller.has(Role.SALES) && caller.staffId().equals(drive.salespersonId));
    }

    private Uni<Outcome> written(Caller caller, TestDrive drive, String action, Map<String, Object> before) {
        return Panache.getSession().chain(session -> session.flush())
                .call(() -> audit.record(caller, RESOURCE_TYPE, drive.id, action, before, snapshot(drive)))
                .map(ignored -> Outcome.ok(drive.version, toView(drive, caller.zone())));
    }

    private static Map<String, Object> snapshot(TestDrive d) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("status", d.status.name());
        snapshot.put("vehicleId", d.vehicleId.toString());
        snapshot.put("salespersonId", d.salespersonId.toString());
        snapshot.put("startsAt", d.startsAt.toString());
        snapshot.put("endsAt", d.endsAt.toString());
        snapshot.put("cancelReason", d.cancelReason);
        snapshot.put("odometerOut", d.odometerOut);
        snapshot.put("odometerIn", d.odometerIn);
        snapshot.put("rating", d.rating);
        snapshot.put("purchaseIntent", d.purchaseIntent == null ? null : d.purchaseIntent.name());
        return snapshot;
    }

    static TestDriveView toView(TestDrive d, ZoneId zone) {
        return new TestDriveView(d.id, d.version, d.status, d.leadId, d.customerId, d.vehicleId, d.salespersonId,
                Clocks.at(d.startsAt, zone), Clocks.at(d.endsAt, zone), d.cancelReason, d.licenceNumber, d.licenceExpiresOn,
                d.licencePhotoRef, d.waiverRef, d.waiverSha256, d.odometerOut, Clocks.at(d.startedAt, zone), d.odometerIn,
                d.fuelLevelPercent, d.damageNotes, d.rating, d.feedback, d.purchaseIntent, Clocks.at(d.completedAt, zone),
                Clocks.at(d.createdAt, zone), Clocks.at(d.updatedAt, zone));
    }

    private static String range(Instant from, Instant until) {
        return "[" + RANGE_TIME.format(from.atOffset(ZoneOffset.UTC)) + "," + RANGE_TIME.format(
                until.atOffset(ZoneOffset.UTC)) + ")";
    }


    private static Instant micros(OffsetDateTime time) {
        return time.toInstant().truncatedTo(ChronoUnit.MICROS);
    }
}
