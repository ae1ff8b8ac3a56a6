package com.dealerops.lead.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.dealerops.common.phone.ValidPhone;

/** The person behind a lead, when the client does not know their customer id. */
@Schema(name = "LeadCustomerInput", description = "Matched against the dealer's customers by normalised phone, then "
        + "by email; a customer is created (in the lead's transaction) when neither matches, which needs a phone.")
public record NewCustomer(
        @NotBlank @Size(max = 100) @Schema(required = true, example = "王伟") String name,
        @ValidPhone @Schema(description = "Mobile number in E.164, or a Chinese mobile number without +86",
                example = "13812345678") String phone,
        @Email @Size(max = 254) @Schema(example = "wang.wei@example.cn") String email) {
}
