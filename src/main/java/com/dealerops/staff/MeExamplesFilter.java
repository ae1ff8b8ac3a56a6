package com.dealerops.staff;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import com.dealerops.common.security.Department;
import com.dealerops.settings.SettingsDefaults;
import com.dealerops.settings.SettingsExamplesFilter;
import com.dealerops.staff.dto.StaffView;
import com.dealerops.staff.dto.MeView;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/** The example of GET /me, built from the same defaults a new dealer gets. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class MeExamplesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        var me = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/api/v1/me");
        if (me == null) {
            return;
        }
        UUID dealer = UUID.fromString("0193b0a4-0000-7000-8000-000000000001");
        String name = "杭州西湖汽车销售服务有限公司";
        StaffView staff = new StaffView(UUID.fromString("0193b0a4-0000-7000-8000-000000000101"), 3, "李伟",
                Department.SALES, null, true, true, "0193b0a4-0000-7000-8000-000000000101", List.of("sales"),
                "+8613600000101", null, null, null, null, null, null);
        MeView example = new MeView(staff, List.of("sales"), new MeView.Dealer(dealer, name, "Asia/Shanghai", "CNY"),
                LocalDate.of(2026, 11, 28), false, true, SettingsDefaults.all(name, "Asia/Shanghai"));
        SettingsExamplesFilter.addExample(me.getGET(), SettingsExamplesFilter.JSON.convertValue(example, Map.class));
    }
}
