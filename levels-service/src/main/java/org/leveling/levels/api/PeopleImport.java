package org.leveling.levels.api;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leveling.common.web.Ids;
import org.leveling.common.problem.Problem;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ProblemType;
import org.leveling.levels.domain.PeopleService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Reads an import (a JSON array or CSV with a header row) into rows, checking each row's fields
 * the way a single PUT would, so that one bad row is reported instead of failing the import.
 */
@ApplicationScoped
public class PeopleImport {

    public static final int MAX_ROWS = 5000;
    private static final Pattern EMPLOYEE_ID = Pattern.compile(Ids.EMPLOYEE_ID);
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    /** The fields of a row besides employeeId: those of a PUT body. */
    private static final List<String> FIELDS = Arrays.stream(PersonRequest.class.getRecordComponents())
            .map(RecordComponent::getName).toList();
    private static final String UNKNOWN_FIELD = "is not a field of a person; a row has employeeId, "
            + String.join(", ", FIELDS);

    private final ObjectMapper json;
    private final Validator validator;
    private final CsvMapper csv = new CsvMapper();

    public PeopleImport(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    @Schema(name = "PeopleImportReport", description = "Valid rows are applied in one transaction; the others are "
            + "reported with their reasons and change nothing.")
    public record Report(int created, int updated, int unchanged, int rejected, List<PeopleService.ImportResult> rows) {

        static Report of(List<PeopleService.ImportResult> rows) {
            return new Report(count(rows, PeopleService.ImportResult.Outcome.CREATED),
                    count(rows, PeopleService.ImportResult.Outcome.UPDATED),
                    count(rows, PeopleService.ImportResult.Outcome.UNCHANGED),
                    count(rows, PeopleService.ImportResult.Outcome.REJECTED), rows);
        }

        private static int count(List<PeopleService.ImportResult> rows, PeopleService.ImportResult.Outcome outcome) {
            return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
        }
    }

    /** Rows of a JSON array of person objects, numbered from 1. */
    List<PeopleService.ImportRow> fromJson(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw badImport("The body must be a JSON array of people.");
        }
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return rows(items, 1);
    }

    /**
     * Rows of CSV with a header row naming the columns; data rows are numbered by their line (2 = first).
     * A leading byte-order mark, as spreadsheet programs write it, is not part of the first column's name.
     */
    List<PeopleService.ImportRow> fromCsv(String text) {
        String content = text.startsWith(BYTE_ORDER_MARK) ? text.substring(BYTE_ORDER_MARK.length()) : text;
        List<JsonNode> items = new ArrayList<>();
        try (MappingIterator<Map<String, String>> lines = csv.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnReordering(true)).readValues(content)) {
            while (lines.hasNext()) {
                ObjectNode item = json.createObjectNode();
                // A blank cell is null, but its column is kept: an unknown column is reported on every row.
                lines.next().forEach((column, value) -> item.put(column.strip(),
                        value == null || value.isBlank() ? null : value.strip()));
                items.add(item);
                if (items.size() > MAX_ROWS) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw badImport("The CSV cannot be read: it needs a header row (employeeId,name,email,managerId,orgUnit,"
                    + "jobFamily,track) and one person per line.");
        }
        return rows(items, 2);
    }

    private List<PeopleService.ImportRow> rows(List<JsonNode> items, int firstRow) {
        if (items.size() > MAX_ROWS) {
            throw badImport("An import holds at most " + MAX_ROWS + " people; split it.");
        }
        if (items.isEmpty()) {
            throw badImport("The import holds no people.");
        }
        List<PeopleService.ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rows.add(row(firstRow + i, items.get(i)));
        }
        return rows;
    }

    private PeopleService.ImportRow row(int number, JsonNode item) {
        List<Problem.FieldViolation> errors = new ArrayList<>();
        String employeeId = item.path("employeeId").isTextual() ? item.get("employeeId").asText() : null;
        if (employeeId == null || !EMPLOYEE_ID.matcher(employeeId).matches()) {
            errors.add(new Problem.FieldViolation("employeeId", Ids.EMPLOYEE_ID_MESSAGE));
        }
        PersonRequest request = null;
        if (item.isObject()) {
            ObjectNode fields = ((ObjectNode) item).deepCopy();
            fields.remove("employeeId");
            List<String> unknown = new ArrayList<>();
            fields.fieldNames().forEachRemaining(name -> {
                if (!FIELDS.contains(name)) {
                    unknown.add(name);
                }
            });
            unknown.forEach(name -> errors.add(new Problem.FieldViolation(name, UNKNOWN_FIELD)));
            fields.remove(unknown);
            try {
                request = json.readerFor(PersonRequest.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .treeToValue(fields, PersonRequest.class);
            } catch (JsonMappingException e) {
                errors.add(new Problem.FieldViolation(fieldOf(e), "must be a string"));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                errors.add(new Problem.FieldViolation("row", "cannot be read as a person"));
            }
        } else {
            errors.add(new Problem.FieldViolation("row", "must be an object"));
        }
        if (request != null) {
            for (ConstraintViolation<PersonRequest> violation : validator.validate(request)) {
                errors.add(new Problem.FieldViolation(violation.getPropertyPath().toString(), violation.getMessage()));
            }
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return new PeopleService.ImportRow(number, employeeId, errors.isEmpty() ? request.toDetails() : null, errors);
    }

    private static String fieldOf(JsonMappingException e) {
        return e.getPath().stream().map(JsonMappingException.Reference::getFieldName).filter(name -> name != null)
                .findFirst().orElse("row");
    }

    private static ProblemException badImport(String detail) {
        return new ProblemException(400, ProblemType.VALIDATION_FAILED, detail, List.of());
    }
}
