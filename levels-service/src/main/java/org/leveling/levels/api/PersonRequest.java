package org.leveling.levels.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leveling.common.web.Ids;
import org.leveling.levels.domain.PersonDetails;

@Schema(name = "PersonRequest", description = "A person's directory entry; PUT replaces all fields.")
public record PersonRequest(
        @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 200) String name,
        @Schema(example = "ada@example.com") @NotBlank @Email @Size(max = 254) String email,
        @Schema(description = "Employee id of the direct manager; must already exist. Omit for the top of the org.",
                example = "E100") @Pattern(regexp = Ids.EMPLOYEE_ID, message = Ids.EMPLOYEE_ID_MESSAGE) String managerId,
        @Schema(example = "Payments") @Size(max = 100) String orgUnit,
        @Schema(description = "Job family key (lowercase, digits, dashes).", example = "product-management")
        @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE) @Size(max = 64) String jobFamily,
        @Schema(description = "Track key, e.g. ic or management.", example = "ic")
        @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE) @Size(max = 32) String track) {

    PersonDetails toDetails() {
        return new PersonDetails(name.strip(), email.strip(), blankToNull(managerId), blankToNull(orgUnit),
                blankToNull(jobFamily), blankToNull(track));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
