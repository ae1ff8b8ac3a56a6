package com.dealerops.customer;

import static com.dealerops.support.Api.CUSTOMERS;
import static com.dealerops.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.dealerops.support.Api;
import com.dealerops.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may do what with customers, as one table: for each role, the status of each operation on a customer owned
 * by a salesperson (the "owner" row is that salesperson; "sales" is a colleague).
 */
@QuarkusTest
class CustomerRoleMatrixTest {

    private static final List<String> OPERATIONS = List.of("create", "list", "get", "put", "patch", "history",
            "delete");

    private static final Map<String, List<Integer>> EXPECTED = new LinkedHashMap<>();

    static {
        //                                 create list get  put  patch history delete
        EXPECTED.put("owner",            List.of(201, 200, 200, 200, 200, 200, 403));
        EXPECTED.put("sales",            List.of(201, 200, 404, 404, 404, 404, 403));
        EXPECTED.put("sales-manager",    List.of(201, 200, 200, 200, 200, 200, 204));
        EXPECTED.put("customer-service", List.of(403, 200, 200, 403, 403, 200, 403));
        EXPECTED.put("after-sales",      List.of(403, 200, 200, 403, 403, 200, 403));
        EXPECTED.put("finance",          List.of(403, 403, 403, 403, 403, 403, 403));
        EXPECTED.put("admin",            List.of(403, 403, 403, 403, 403, 403, 403));
        EXPECTED.put("integration",      List.of(403, 403, 403, 403, 403, 403, 403));
    }

    @Test
    void roleByOperation() {
        UUID dealer = Tokens.newDealer();
        Tokens.Staff owner = Tokens.staff(dealer, "sales");
        Map<String, List<Integer>> actual = new LinkedHashMap<>();
        for (String row : EXPECTED.keySet()) {
            Tokens.Staff caller = row.equals("owner") ? owner : Tokens.staff(dealer, row);
            String id = Api.createCustomer(owner);
            String path = CUSTOMERS + "/" + id;
            actual.put(row, List.of(
                    as(caller).body(Api.customer("新客户", Api.newPhone())).post(CUSTOMERS).statusCode(),
                    as(caller).get(CUSTOMERS).statusCode(),
                    as(caller).get(path).statusCode(),
                    as(caller).header("If-Match", "\"0\"").body(Api.customer("改名", Api.newPhone())).put(path)
                            .statusCode(),
                    as(caller).header("If-Match", "\"1\"").contentType(Api.MERGE_PATCH)
                            .body("{\"city\":\"杭州\"}").patch(path).statusCode(),
                    as(caller).get(path + "/history").statusCode(),
                    as(caller).delete(path).statusCode()));
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
