package com.dealerops.customer;

import static com.dealerops.common.Texts.blankToNull;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.dealerops.common.Ids;
import com.dealerops.common.audit.AuditTrail;
import com.dealerops.common.audit.HistoryEntry;
import com.dealerops.common.phone.PhoneNumbers;
import com.dealerops.common.concurrency.EntityTags;
import com.dealerops.common.error.DatabaseFailures;
import com.dealerops.common.error.ProblemException;
import com.dealerops.common.idempotency.Outcome;
import com.dealerops.common.json.MergePatch;
import com.dealerops.common.paging.Page;
import com.dealerops.common.paging.SortKey;
import com.dealerops.common.security.Caller;
import com.dealerops.common.time.Clocks;
import com.dealerops.customer.dto.CustomerInput;
import com.dealerops.customer.dto.CustomerPatch;
import com.dealerops.customer.dto.CustomerView;
import com.dealerops.staff.StaffRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The rules of customer files: ownership, contact-detail masking, unique phone per dealer, consent times. */
@ApplicationScoped
public class CustomerService {

    static final String RESOURCE_TYPE = "customer";
    private static final String PHONE_CONSTRAINT = "customer_phone_uq";
    private static final String ID_CONSTRAINTS = "customer_id_uq|customer_pkey";

    private final CustomerRepository customers;
    private final CustomerListQuery listQuery;
    private final StaffRepository staff;
    private final AuditTrail audit;
    private final Validator validator;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Instance<ContactStopListener> contactListeners;

    public CustomerService(CustomerRepository customers, CustomerListQuery listQuery, StaffRepository staff, AuditTrail audit,
            Validator validator, ObjectMapper objectMapper, Clock clock, Instance<ContactStopListener> contactListeners) {
        this.contactListeners = contactListeners;
        this.customers = customers;
        this.listQuery = listQuery;
        this.staff = staff;
        this.audit = audit;
        this.validator = validator;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    public static URI location(UUID id) {
        return URI.create("/api/v1/customers/" + id);
    }

    @WithTransaction
    public Uni<Outcome> create(Caller caller, CustomerInput input) {
        String phone = normalizedPhone(input.phone());
        UUID id = input.id() != null ? input.id() : Ids.newId();
        return resolveOwner(caller, input.ownerId(), null)
                .call(owner -> ensurePhoneFree(caller, phone, null))
                .call(owner -> input.id() == null ? Uni.createFrom().voidItem()
                        : customers.findById(id).invoke(existing -> {
                            if (existing != null) {
                                throw idTaken(id);
                            }
                        }))
                .chain(owner -> {
                    Instant now = Clocks.now(clock);
                    Customer customer = new Customer();
                    customer.id = id;
                    customer.dealerId = caller.dealerId();
                    customer.createdAt = now;
                    apply(customer, input, phone, owner, now);
                    return customers.persistAndFlush(customer)
                            .call(saved -> audit.record(caller, RESOURCE_TYPE, id, "CREATED", Map.of(),
                                    CustomerMapper.auditSnapshot(saved)))
                            .map(saved -> Outcome.created(location(id), saved.version,
                                    CustomerMapper.toView(saved, caller)));
                });
    }

    @WithSession
    public Uni<CustomerView> get(Caller caller, UUID id) {
        return customers.findInDealer(caller.dealerId(), id).map(customer -> {
            if (customer == null || customer.isDeleted() || !CustomerAccess.canSee(caller, customer)) {
                throw ProblemException.notFound("Customer");
            }
            return CustomerMapper.toView(customer, caller);
        });
    }

    /** How {@link #matchOrCreate} found the customer. */
    public enum MatchedBy {
        PHONE, EMAIL, CREATED
    }

    public record Match(Customer customer, MatchedBy by) {
    }

    /**
     * The customer behind an intake (a lead): the dealer's active customer with this phone, else the most recent
     * one with this email, else a new customer owned by {@code owner} (a lead is the customer's request to be
     * contacted, so a new customer has consented to contact). Joins the caller's transaction.
     */
    public Uni<Match> matchOrCreate(Caller caller, String name, String rawPhone, String email, UUID owner,
            Source source) {
        String phone = rawPhone == null ? null : normalizedPhone(rawPhone);
        Uni<Customer> byPhone = phone == null ? Uni.createFrom().nullItem()
                : customers.findActiveByPhone(caller.dealerId(), phone);
        return byPhone.chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(new Match(found, MatchedBy.PHONE));
            }
            Uni<Customer> byEmail = email == null || email.isBlank() ? Uni.createFrom().nullItem()
                    : customers.findActiveByEmail(caller.dealerId(), email.trim());
            return byEmail.chain(matched -> {
                if (matched != null) {
                    return Uni.createFrom().item(new Match(matched, MatchedBy.EMAIL));
                }
                if (phone == null) {
                    throw ProblemException.invalid("customer.phone",
                            "no customer of the dealer has this email; a new customer needs a phone number");
                }
                Instant now = Clocks.now(clock);
                Customer customer = new Customer();
                customer.id = Ids.newId();
                customer.dealerId = caller.dealerId();
                customer.createdAt = now;
                apply(customer, new CustomerInput(null, name, phone, email, null, null, null, null, null, true,
                        false, null, owner, source), phone, owner, now);
                return customers.persist(customer)
                        .call(saved -> audit.record(caller, RESOURCE_TYPE, saved.id, "CREATED", Map.of(),
                                CustomerMapper.auditSnapshot(saved)))
                        .map(saved -> new Match(saved, MatchedBy.CREATED));
            });
        });
    }

    /**
     * An active customer of the dealer the caller may work with: any for managers, their own for salespeople;
     * 404 otherwise. Joins the caller's session.
     */
    public Uni<Customer> findForWork(Caller caller, UUID id) {
        return customers.findInDealer(caller.dealerId(), id).map(customer -> {
            if (customer == null || customer.isDeleted() || !CustomerAccess.canChange(caller, customer)) {
                throw ProblemException.notFound("Customer");
            }
            return customer;
        });
    }

    /** Gives an unowned customer to the salesperson who now works on them; an owned one keeps its owner. */
    public Uni<Void> adoptIfUnowned(Caller caller, UUID customerId, UUID owner) {
        return customers.findInDealer(caller.dealerId(), customerId).chain(customer -> {
            if (customer == null || customer.ownerId != null || owner == null) {
                return Uni.createFrom().voidItem();
            }
            Map<String, Object> before = CustomerMapper.auditSnapshot(customer);
            customer.ownerId = owner;
            customer.updatedAt = Clocks.now(clock);
            return audit.record(caller, RESOURCE_TYPE, customer.id, "UPDATED", before,
                    CustomerMapper.auditSnapshot(customer));
        });
    }

    @WithTransaction
    public Uni<Outcome> replace(Caller caller, UUID id, long expectedVersion, CustomerInput input) {
        if (input.id() != null && !input.id().equals(id)) {
            throw ProblemException.invalid("id", "must be absent or equal to the id in the path");
        }
        return customers.findInDealer(caller.dealerId(), id)
                .chain(customer -> update(caller, customer, expectedVersion, input));
    }

    @WithTransaction
    public Uni<Outcome> patch(Caller caller, UUID id, long expectedVersion, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("A merge patch must be a JSON object");
        }
        try {
            objectMapper.treeToValue(patch, CustomerPatch.class); // names and types of the fields sent
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return customers.findInDealer(caller.dealerId(), id).chain(customer -> {
            CustomerAccess.checkChange(caller, customer);
            CustomerInput merged;
            try {
                JsonNode current = objectMapper.valueToTree(CustomerMapper.toInput(customer));
                merged = objectMapper.treeToValue(MergePatch.apply(current, patch), CustomerInput.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return Uni.createFrom().failure(e);
            }
            validate(merged);
            return update(caller, customer, expectedVersion, merged);
        });
    }

    private Uni<Outcome> update(Caller caller, Customer customer, long expectedVersion, CustomerInput input) {
        CustomerAccess.checkChange(caller, customer);
        EntityTags.ensureCurrent(expectedVersion, customer.version);
        String phone = normalizedPhone(input.phone());
        return resolveOwner(caller, input.ownerId(), customer)
                .call(owner -> phone.equals(customer.phone) ? Uni.createFrom().voidItem()
                        : ensurePhoneFree(caller, phone, customer.id))
                .chain(owner -> {
                    Map<String, Object> before = CustomerMapper.auditSnapshot(customer);
                    Instant now = Clocks.now(clock);
                    apply(customer, input, phone, owner, now);
                    Map<String, Object> after = CustomerMapper.auditSnapshot(customer);
                    if (before.equals(after)) {
                        return Uni.createFrom().item(Outcome.ok(customer.version,
                                CustomerMapper.toView(customer, caller)));
                    }
                    customer.updatedAt = now;
                    boolean withdrawn = Boolean.TRUE.equals(before.get("contactConsent")) && !customer.contactConsent;
                    return customers.flush()
                            .call(() -> audit.record(caller, RESOURCE_TYPE, customer.id, "UPDATED", before, after))
                            .call(() -> withdrawn ? contactStopped(caller, customer.id,
                                    "the customer withdrew consent to be contacted") : Uni.createFrom().voidItem())
                            .map(ignored -> Outcome.ok(customer.version, CustomerMapper.toView(customer, caller)));
                });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        return customers.findInDealer(caller.dealerId(), id).chain(customer -> {
            CustomerAccess.checkChange(caller, customer);
            if (expectedVersion != null) {
                EntityTags.ensureCurrent(expectedVersion, customer.version);
            }
            Instant now = Clocks.now(clock);
            customer.deletedAt = now;
            customer.updatedAt = now;
            return customers.flush()
                    .call(() -> audit.record(caller, RESOURCE_TYPE, id, "DELETED", Map.of(), Map.of()))
                    .call(() -> contactStopped(caller, id, "the customer's file was deleted"));
        });
    }

    private Uni<Void> contactStopped(Caller caller, UUID customerId, String reason) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (ContactStopListener listener : contactListeners) {
            done = done.call(() -> listener.contactStopped(caller, customerId, reason));
        }
        return done;
    }

    /**
     * A customer the caller may see (any for managers, customer service and after-sales; their own for
     * salespeople), not deleted; 404 otherwise. Joins the caller's session.
     */
    public Uni<Customer> findVisible(Caller caller, UUID id) {
        return customers.findInDealer(caller.dealerId(), id).map(customer -> {
            if (customer == null || customer.isDeleted() || !CustomerAccess.canSee(caller, customer)) {
                throw ProblemException.notFound("Customer");
            }
            return customer;
        });
    }

    public Uni<Page<CustomerView>> list(Caller caller, CustomerRepository.Filter requested, String sortName,
            String cursor, int limit) {
        SortKey<Customer> fallback = requested.updatedSince() != null ? CustomerRepository.UPDATED_FIRST_TO_LAST
                : CustomerRepository.NEWEST_FIRST;
        SortKey<Customer> sort = SortKey.parse(sortName, CustomerRepository.SORTS, fallback);
        CustomerRepository.Filter filter = requested;
        if (!CustomerAccess.seesAll(caller)) {
            if (requested.ownerId() != null && !requested.ownerId().equals(caller.staffId())) {
                return Uni.createFrom().item(new Page<>(java.util.List.of(), null));
            }
            filter = new CustomerRepository.Filter(caller.staffId(), requested.phone(), requested.namePrefix(),
                    requested.updatedSince());
        }
        return listQuery.list(caller.dealerId(), filter, sort, cursor, limit)
                .map(page -> new Page<>(page.items().stream().map(c -> CustomerMapper.toView(c, caller)).toList(),
                        page.nextCursor()));
    }

    @WithSession
    public Uni<Page<HistoryEntry>> history(Caller caller, UUID id, String cursor, int limit) {
        return customers.findInDealer(caller.dealerId(), id).chain(customer -> {
            if (customer == null || !CustomerAccess.canSee(caller, customer)) {
                throw ProblemException.notFound("Customer");
            }
            HistoryEntry.FieldPolicy policy = CustomerMapper.historyPolicy(caller);
            return audit.history(caller.dealerId(), RESOURCE_TYPE, id, limit, cursor)
                    .map(page -> new Page<>(page.items().stream()
                            .map(event -> HistoryEntry.of(event, caller.zone(), policy)).toList(),
                            page.nextCursor()));
        });
    }

    /**
     * A concurrent create or update can pass the duplicate check and still lose on the unique index; this turns
     * that failure (after its transaction rolled back) into the same 409 the check gives.
     */
    @WithSession
    public Uni<Void> explainConflict(Caller caller, String rawPhone, UUID clientId, Throwable failure) {
        var constraint = DatabaseFailures.uniqueViolation(failure);
        if (constraint.isEmpty()) {
            return Uni.createFrom().failure(failure);
        }
        if (constraint.get().equals(PHONE_CONSTRAINT)) {
            return customers.findActiveIdByPhone(caller.dealerId(), normalizedPhone(rawPhone))
                    .chain(existing -> Uni.createFrom().failure(duplicatePhone(existing)));
        }
        if (clientId != null && constraint.get().matches(ID_CONSTRAINTS)) {
            return Uni.createFrom().failure(idTaken(clientId));
        }
        return Uni.createFrom().failure(failure);
    }

    public static String normalizedPhone(String raw) {
        return PhoneNumbers.normalize(raw).orElseThrow(() -> ProblemException.invalid("phone",
                "must be a mobile phone number, in E.164 (+8613812345678) or Chinese (13812345678)"));
    }

    private Uni<Void> ensurePhoneFree(Caller caller, String phone, UUID self) {
        return customers.findActiveIdByPhone(caller.dealerId(), phone).invoke(existing -> {
            if (existing != null && !existing.equals(self)) {
                throw duplicatePhone(existing);
            }
        }).replaceWithVoid();
    }

    private static ProblemException duplicatePhone(UUID existing) {
        return ProblemException.conflict("duplicate-phone", "Duplicate phone",
                "A customer of this dealer already has this phone number",
                existing == null ? Map.of() : Map.of("existingCustomerId", existing));
    }

    private static ProblemException idTaken(UUID id) {
        return ProblemException.idTaken(id);
    }

    /**
     * Salespeople own what they create and cannot give it away; managers may name any active salesperson or
     * manager of the dealer, or nobody.
     */
    private Uni<UUID> resolveOwner(Caller caller, UUID requested, Customer existing) {
        if (!CustomerAccess.assignsOthers(caller)) {
            if (requested != null && !requested.equals(caller.staffId())) {
                throw ProblemException.forbidden("Only a sales manager may make someone else the owner");
            }
            return Uni.createFrom().item(existing != null ? existing.ownerId : caller.staffId());
        }
        if (requested == null || (existing != null && requested.equals(existing.ownerId))) {
            return Uni.createFrom().item(requested);
        }
        return staff.isActiveSalesStaff(caller.dealerId(), requested).map(ok -> {
            if (!ok) {
                throw ProblemException.unprocessable("unknown-owner", "Unknown owner",
                        "ownerId must be an active salesperson or sales manager of this dealer");
            }
            return requested;
        });
    }

    private static void apply(Customer customer, CustomerInput input, String phone, UUID owner, Instant now) {
        boolean contactConsent = Boolean.TRUE.equals(input.contactConsent());
        boolean marketingConsent = Boolean.TRUE.equals(input.marketingConsent());
        if (marketingConsent && !contactConsent) {
            throw ProblemException.invalid("marketingConsent", "requires contactConsent");
        }
        boolean isNew = customer.updatedAt == null;
        customer.name = input.name().trim().replaceAll("\\s+", " ");
        customer.phone = phone;
        customer.email = blankToNull(input.email());
        customer.wechatId = blankToNull(input.wechatId());
        customer.gender = input.gender();
        customer.city = blankToNull(input.city());
        customer.preferredChannel = input.preferredChannel();
        customer.preferredContactTime = input.preferredContactTime();
        if (isNew ? contactConsent : contactConsent != customer.contactConsent) {
            customer.contactConsentChangedAt = now;
        }
        if (isNew ? marketingConsent : marketingConsent != customer.marketingConsent) {
            customer.marketingConsentChangedAt = now;
        }
        customer.contactConsent = contactConsent;
        customer.marketingConsent = marketingConsent;
        customer.notes = blankToNull(input.notes());
        customer.ownerId = owner;
        customer.source = input.source();
        if (isNew) {
            customer.updatedAt = now;
        }
    }


    private void validate(CustomerInput input) {
        Set<ConstraintViolation<CustomerInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
