package com.dealerops.lead;

import static com.dealerops.support.Api.as;
import static com.dealerops.support.Leads.LEADS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Leads;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may do what with leads, as one table: for each role, the status of each operation on a lead assigned to a
 * salesperson (the "assignee" row is that salesperson; "sales" is a colleague, who sees neither the lead nor that
 * it exists).
 */
@QuarkusTest
class LeadRoleMatrixTest {

    private static final List<String> OPERATIONS = List.of("create", "list", "get", "patch", "contact", "assign",
            "claim", "grade", "acts", "act+", "history", "overdue");

    private static final Map<String, List<Integer>> EXPECTED = new LinkedHashMap<>();

    static {
        //                                 create list get  patch cont assign claim grade acts act+ hist overdue
        EXPECTED.put("assignee",         List.of(201, 200, 200, 200, 200, 403, 200, 403, 200, 201, 200, 403));
        EXPECTED.put("sales",            List.of(201, 200, 404, 404, 404, 403, 409, 403, 404, 404, 404, 403));
        EXPECTED.put("sales-manager",    List.of(201, 200, 200, 200, 200, 200, 403, 200, 200, 201, 200, 200));
        EXPECTED.put("customer-service", List.of(403, 200, 200, 403, 403, 403, 403, 403, 200, 403, 200, 403));
        EXPECTED.put("after-sales",      List.of(403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403));
        EXPECTED.put("finance",          List.of(403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403));
        EXPECTED.put("admin",            List.of(403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403));
        EXPECTED.put("integration",      List.of(201, 403, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403));
    }

    @Test
    void roleByOperation() {
        UUID dealer = Tokens.newDealer();
        Tokens.Staff assignee = Tokens.staff(dealer, "sales");
        Map<String, List<Integer>> actual = new LinkedHashMap<>();
        for (String row : EXPECTED.keySet()) {
            Tokens.Staff caller = row.equals("assignee") ? assignee : Tokens.staff(dealer, row);
            String id = Leads.createNew(assignee);
            String path = LEADS + "/" + id;
            actual.put(row, List.of(
                    Leads.create(caller, Leads.walkIn("新客户", Api.newPhone())).statusCode(),
                    as(caller).get(LEADS).statusCode(),
                    as(caller).get(path).statusCode(),
                    as(caller).header("If-Match", "\"0\"").contentType(Api.MERGE_PATCH)
                            .body("{\"comments\":\"想要白色\"}").patch(path).statusCode(),
                    Leads.act(caller, id, "contact").statusCode(),
                    as(caller).body(Map.of("assigneeId", assignee.id().toString())).post(path + "/assign")
                            .statusCode(),
                    Leads.act(caller, id, "claim").statusCode(),
                    as(caller).body(Map.of("grade", "A", "reason", "到店两次")).post(path + "/grade-override")
                            .statusCode(),
                    as(caller).get(path + "/activities").statusCode(),
                    as(caller).body(Map.of("kind", "NOTE", "notes", "备注")).post(path + "/activities").statusCode(),
                    as(caller).get(path + "/history").statusCode(),
                    as(caller).get(LEADS + "/overdue").statusCode()));
        }
        assertEquals(table(EXPECTED), table(actual));
    }

    private static String table(Map<String, List<Integer>> rows) {
        StringBuilder text = new StringBuilder(String.format("%-17s", "")).append(String.join("\t", OPERATIONS))
                .append('\n');
        rows.forEach((role, statuses) -> {
            text.append(String.format("%-17s", role));
            statuses.forEach(status -> text.append(status).append('\t'));
            text.append('\n');
        });
        return text.toString();
    }
}
