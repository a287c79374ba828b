import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.leveling.common.testing.Tokens;

/**
 * Loads the calibration sample of {@code deploy/local/sample-calibration.json} through the three
 * services' APIs, as their users would: more people with their levels (levels-service), evidence with
 * acknowledgements and endorsements (evidence-service), and two promotion cycles over Product -
 * Payments and Product - Growth (promotion-service) — an earlier one decided and closed, a current
 * one in calibration with decided, overridden, appealed, withdrawn and open cases — so that the
 * calibration dashboard's aggregate view has unsuppressed groups, outliers and drift.
 *
 * <pre>
 *   java -cp &lt;common's test class path&gt; deploy/local/SampleCalibration.java [levels-url evidence-url promotion-url]
 * </pre>
 *
 * Run by {@code deploy/local/run} after the basic sample (people, ladder, levels), and by the
 * end-to-end test that checks what it produces. Idempotent: it does nothing when the current cycle
 * exists. Tokens are signed with the development key ({@link Tokens}).
 */
public class SampleCalibration {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String FRAMEWORK = "product-management";
    private static final String HR = Tokens.forEmployee("HR1", "hr-admin");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String levels;
    private final String evidence;
    private final String promotion;
    private final JsonNode sample;
    private final JsonNode framework;
    private final Map<String, String> managers = new HashMap<>();
    private final Map<String, String> orgUnits = new HashMap<>();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    SampleCalibration(String levels, String evidence, String promotion, Path root) throws IOException {
        this.levels = levels;
        this.evidence = evidence;
        this.promotion = promotion;
        this.sample = JSON.readTree(root.resolve("deploy/local/sample-calibration.json").toFile());
        this.framework = JSON.readTree(root.resolve("deploy/local/sample-framework.json").toFile());
        for (JsonNode person : JSON.readTree(root.resolve("deploy/local/sample-people.json").toFile())) {
            managers.put(person.path("employeeId").asText(), person.path("managerId").asText(null));
            orgUnits.put(person.path("employeeId").asText(), person.path("orgUnit").asText());
        }
        for (JsonNode person : sample.path("people")) {
            managers.put(person.path("employeeId").asText(), person.path("managerId").asText());
            orgUnits.put(person.path("employeeId").asText(), person.path("orgUnit").asText());
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("leveling.root.dir", "."));
        SampleCalibration loader = args.length == 3 ? new SampleCalibration(args[0], args[1], args[2], root)
                : new SampleCalibration("http://127.0.0.1:8081", "http://127.0.0.1:8082", "http://127.0.0.1:8083", root);
        loader.load();
    }

    void load() throws Exception {
        JsonNode cycles = sample.path("cycles");
        String current = cycles.get(cycles.size() - 1).path("name").asText();
        if (cycleNamed(current) != null) {
            say("calibration sample already loaded (cycle '" + current + "' exists)");
            return;
        }
        addPeople();
        for (JsonNode cycle : cycles) {
            if (cycleNamed(cycle.path("name").asText()) != null) {
                throw new IllegalStateException("cycle '" + cycle.path("name").asText() + "' exists but '" + current
                        + "' does not: an earlier load was interrupted; start from an empty database");
            }
            runCycle(cycle);
        }
    }

    /** The sample's extra people and their first level, as hr-admin; skipped where they exist already. */
    private void addPeople() throws Exception {
        for (JsonNode person : sample.path("people")) {
            String id = person.path("employeeId").asText();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", person.path("name").asText());
            body.put("email", person.path("email").asText());
            body.put("orgUnit", person.path("orgUnit").asText());
            body.put("jobFamily", FRAMEWORK);
            body.put("track", "ic");
            body.put("managerId", person.path("managerId").asText());
            expect(call(levels, HR, "PUT", "/api/v1/people/" + id, body), "sample person " + id, 200, 201);
            JsonNode history = expect(call(levels, HR, "GET", "/api/v1/people/" + id + "/level-history?limit=1", null),
                    "level history of " + id, 200).body();
            if (history.path("items").isEmpty()) {
                expect(call(levels, HR, "POST", "/api/v1/people/" + id + "/level-history", Map.of("frameworkKey", FRAMEWORK,
                        "frameworkVersion", 1, "level", person.path("level").asText(), "effectiveFrom", "2026-01-01",
                        "reason", "INITIAL")), "level of " + id, 201);
            }
        }
        say("added " + sample.path("people").size() + " people");
    }

    private void runCycle(JsonNode cycle) throws Exception {
        String name = cycle.path("name").asText();
        List<String> units = new ArrayList<>();
        sample.path("committees").fieldNames().forEachRemaining(units::add);
        Map<String, Object> plan = Map.of("name", name, "frameworkKey", FRAMEWORK, "orgUnits", units, "windows",
                Map.of("nominationsFrom", today.minusDays(60).toString(), "nominationsTo", today.minusDays(31).toString(),
                        "reviewFrom", today.minusDays(30).toString(), "reviewTo", today.minusDays(1).toString(),
                        "calibrationFrom", today.toString(), "calibrationTo", today.plusDays(14).toString()));
        String cycleId = retry(() -> call(promotion, HR, "POST", "/api/v1/cycles", plan), 201, "planning " + name)
                .body().path("id").asText();
        for (Map.Entry<String, JsonNode> entry : listOf(sample.path("committees").fields())) {
            List<Map<String, String>> members = new ArrayList<>();
            for (JsonNode member : entry.getValue().path("members")) {
                members.add(Map.of("employeeId", member.asText(), "role", members.isEmpty() ? "CHAIR" : "MEMBER"));
            }
            Map<String, Object> committee = Map.of("name", entry.getValue().path("name").asText(), "orgUnits",
                    List.of(entry.getKey()), "quorum", 2, "members", members);
            retry(() -> call(promotion, HR, "POST", "/api/v1/cycles/" + cycleId + "/committees", committee), 201,
                    "the " + entry.getValue().path("name").asText() + " of " + name);
        }
        transition(cycleId, "OPEN_NOMINATIONS");

        // Evidence first: the packet, and the readiness in it, is assembled when the case is submitted.
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : cycle.path("cases")) {
            Case the = new Case(c.path("candidate").asText(), c.path("target").asText(), c.path("outcome").asText(),
                    cycle.path("closed").asBoolean());
            addEvidence(the, c.path("evidence").asText(), name);
            cases.add(the);
        }
        for (Case the : cases) {
            the.nominationId = retry(() -> call(promotion, manager(the), "POST", "/api/v1/nominations",
                    Map.of("cycleId", cycleId, "candidateId", the.candidate, "targetLevel", the.target, "justification",
                            "Operating at " + the.target + " scope; see the packet.")), 201, "nominating " + the.candidate)
                    .body().path("id").asText();
            expect(call(promotion, manager(the), "POST", "/api/v1/nominations/" + the.nominationId + "/submit", null),
                    "submitting the case of " + the.candidate, 200);
        }
        transition(cycleId, "START_REVIEW");
        for (Case the : cases) {
            // IN_REVIEW once evidence-service's packet has arrived.
            retry(() -> call(promotion, HR, "GET", "/api/v1/nominations/" + the.nominationId, null),
                    response -> response.status() == 200 && response.body().path("status").asText().equals("IN_REVIEW"),
                    "the packet of " + the.candidate);
            decide(the);
        }
        transition(cycleId, "CALIBRATE");
        if (cycle.path("closed").asBoolean()) {
            transition(cycleId, "CLOSE");
        }
        say("cycle '" + name + "': " + cases.size() + " cases");
    }

    /** STRONG: two items in two quarters, acknowledged and endorsed twice; SOME: one acknowledged item. */
    private void addEvidence(Case the, String strength, String cycleName) throws Exception {
        int items = switch (strength) {
            case "STRONG" -> 2;
            case "SOME" -> 1;
            default -> 0;
        };
        String token = person(the.candidate);
        for (int item = 0; item < items; item++) {
            LocalDate to = today.minusDays(40 + 95L * item);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("subjectId", the.candidate);
            body.put("frameworkKey", FRAMEWORK);
            body.put("frameworkVersion", 1);
            body.put("level", the.target);
            body.put("competencies", competenciesOf(the.target));
            body.put("kind", item == 0 ? "LAUNCH" : "STRATEGY");
            body.put("title", (item == 0 ? "Launch" : "Strategy") + " work at " + the.target + " scope (" + cycleName + ")");
            body.put("narrative", "Owned the work end to end with engineering, design and the partner teams.");
            body.put("impact", "Measured against the quarter's goals; see the linked review.");
            body.put("links", List.of("https://wiki.example.com/reviews/" + the.candidate.toLowerCase() + "-" + item));
            body.put("occurredFrom", to.minusDays(45).toString());
            body.put("occurredTo", to.toString());
            String key = "sample-calibration-" + cycleName.replace(' ', '-') + "-" + the.candidate + "-" + item;
            String id = retry(() -> call(evidence, token, "POST", "/api/v1/evidence?submit=true", body, "Idempotency-Key", key),
                    201, "evidence of " + the.candidate).body().path("id").asText();
            expect(call(evidence, person(managers.get(the.candidate)), "POST", "/api/v1/evidence/" + id + "/acknowledge",
                    Map.of("comment", "Matches what I saw.")), "acknowledging evidence of " + the.candidate, 200);
            if (strength.equals("STRONG")) {
                for (String peer : peersOf(the.candidate)) {
                    expect(call(evidence, person(peer), "POST", "/api/v1/evidence/" + id + "/endorsements",
                            Map.of("comment", "I worked on this with them.")), "endorsement by " + peer, 201, 409);
                }
            }
        }
    }

    private void decide(Case the) throws Exception {
        List<String> members = membersFor(the.candidate);
        List<String> votes = switch (the.outcome) {
            case "PROMOTED" -> List.of("APPROVE", "APPROVE", "APPROVE");
            case "NOT_PROMOTED", "APPEAL_UPHELD", "APPEAL_OPEN", "OVERRIDE_PROMOTED" -> List.of("REJECT", "REJECT", "APPROVE");
            case "OVERRIDE_NOT_PROMOTED" -> List.of("APPROVE", "APPROVE", "REJECT");
            case "DEFERRED" -> List.of("APPROVE", "REJECT", "ABSTAIN");
            case "IN_REVIEW" -> List.of("APPROVE");
            case "WITHDRAWN" -> List.of();
            default -> throw new IllegalArgumentException("unknown outcome " + the.outcome);
        };
        for (int i = 0; i < votes.size(); i++) {
            expect(call(promotion, person(members.get(i)), "PUT", "/api/v1/nominations/" + the.nominationId + "/votes/mine",
                    Map.of("choice", votes.get(i), "rationale", "Read the packet and the evidence.")),
                    "vote of " + members.get(i) + " on " + the.candidate, 201);
        }
        if (the.outcome.equals("IN_REVIEW")) {
            return;
        }
        if (the.outcome.equals("WITHDRAWN")) {
            expect(call(promotion, manager(the), "POST", "/api/v1/nominations/" + the.nominationId + "/withdraw", null),
                    "withdrawing the case of " + the.candidate, 200);
            return;
        }
        Map<String, Object> decision = switch (the.outcome) {
            case "PROMOTED" -> decision(the, "PROMOTED", "Shown at " + the.target + " in two quarters.");
            case "OVERRIDE_PROMOTED" -> withOverride(decision(the, "PROMOTED", "The packet shows the scope the votes missed."),
                    "The evidence of the last two quarters outweighs the concerns raised in the votes.");
            case "OVERRIDE_NOT_PROMOTED" -> withOverride(decision(the, "NOT_PROMOTED", "Not yet consistent at " + the.target + "."),
                    "One quarter of evidence only: the committee's approval was ahead of the packet.");
            case "DEFERRED" -> decision(the, "DEFERRED", "Decided next cycle, with the evidence of the current quarter.");
            default -> decision(the, "NOT_PROMOTED", "Not yet consistent at " + the.target + ".");
        };
        String decisionId = expect(call(promotion, person(members.get(0)), "POST",
                "/api/v1/nominations/" + the.nominationId + "/decisions", decision), "deciding the case of " + the.candidate, 201)
                .body().path("id").asText();
        if (the.outcome.startsWith("APPEAL_")) {
            String appealId = expect(call(promotion, person(the.candidate), "POST", "/api/v1/decisions/" + decisionId + "/appeals",
                    Map.of("reason", "The launch in the packet shows " + the.target + " scope and was not weighed.")),
                    "the appeal of " + the.candidate, 201).body().path("id").asText();
            if (the.outcome.equals("APPEAL_UPHELD")) {
                expect(call(promotion, HR, "POST", "/api/v1/appeals/" + appealId + "/decision", Map.of("upheld", true,
                        "reason", "The launch was in the packet and was not weighed.", "newDecision",
                        decision(the, "PROMOTED", "Shown at " + the.target + " by the launch in the packet."))),
                        "upholding the appeal of " + the.candidate, 200);
            }
        }
    }

    private Map<String, Object> decision(Case the, String outcome, String summary) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("outcome", outcome);
        // Promotions of the earlier cycle took effect already; the current cycle's take effect next month.
        decision.put("effectiveDate", the.closedCycle ? today.minusDays(30).toString() : today.plusDays(30).withDayOfMonth(1).toString());
        decision.put("rationale", Map.of("summary", summary, "competencies", competenciesOf(the.target).stream()
                .map(competency -> Map.of("competency", competency, "assessment", "Weighed against the packet")).toList()));
        return decision;
    }

    private static Map<String, Object> withOverride(Map<String, Object> decision, String reason) {
        decision.put("overrideReason", reason);
        return decision;
    }

    private void transition(String cycleId, String action) throws Exception {
        expect(call(promotion, HR, "POST", "/api/v1/cycles/" + cycleId + "/transitions", Map.of("action", action)),
                action + " of cycle " + cycleId, 200);
    }

    private String cycleNamed(String name) throws Exception {
        JsonNode cycles = retry(() -> call(promotion, HR, "GET", "/api/v1/cycles?frameworkKey=" + FRAMEWORK + "&limit=100", null),
                200, "the cycles").body();
        for (JsonNode cycle : cycles) {
            if (cycle.path("name").asText().equals(name)) {
                return cycle.path("id").asText();
            }
        }
        return null;
    }

    private List<String> competenciesOf(String level) {
        List<String> keys = new ArrayList<>();
        for (JsonNode expectation : framework.path("expectations")) {
            String key = expectation.path("competency").asText();
            if (expectation.path("level").asText().equals(level) && !keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The members of the committee over the candidate's org unit, chair first. */
    private List<String> membersFor(String candidate) {
        List<String> members = new ArrayList<>();
        sample.path("committees").path(orgUnits.get(candidate)).path("members").forEach(m -> members.add(m.asText()));
        return members;
    }

    /** Two colleagues of the candidate with the same manager: the endorsers. */
    private List<String> peersOf(String candidate) {
        return managers.entrySet().stream().filter(e -> !e.getKey().equals(candidate)
                && managers.get(candidate).equals(e.getValue())).map(Map.Entry::getKey).sorted().limit(2).toList();
    }

    private String manager(Case the) {
        return person(managers.get(the.candidate));
    }

    private static String person(String employeeId) {
        return Tokens.forEmployee(employeeId, "employee", "manager");
    }

    private Response call(String base, String token, String method, String path, Object body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // A load balancer or proxy in front of a service may answer with text, not JSON.
        JsonNode json;
        try {
            json = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            json = JSON.getNodeFactory().textNode(response.body());
        }
        return new Response(response.statusCode(), json, method + " " + base + path);
    }

    private static Response expect(Response response, String what, int... allowed) {
        for (int status : allowed) {
            if (response.status() == status) {
                return response;
            }
        }
        throw new IllegalStateException(what + ": " + response.request() + " answered " + response.status() + " " + response.body());
    }

    /** Repeats a call that waits for a service's read models to catch up with the others' events. */
    private Response retry(Call call, int status, String what) throws Exception {
        return retry(call, response -> response.status() == status, what);
    }

    private Response retry(Call call, Predicate<Response> done, String what) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Response response = call.send();
            if (done.test(response)) {
                return response;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + ": " + response.request() + " still answers " + response.status() + " "
                        + response.body() + " after " + PATIENCE.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    private static <T> List<T> listOf(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    private static void say(String message) {
        System.out.println("sample-calibration: " + message);
    }

    private interface Call {
        Response send() throws Exception;
    }

    private record Response(int status, JsonNode body, String request) {
    }

    /** One case of the sample; {@code closedCycle}: its cycle is closed, so its promotion took effect already. */
    private static final class Case {
        final String candidate;
        final String target;
        final String outcome;
        final boolean closedCycle;
        String nominationId;

        Case(String candidate, String target, String outcome, boolean closedCycle) {
            this.candidate = candidate;
            this.target = target;
            this.outcome = outcome;
            this.closedCycle = closedCycle;
        }
    }
}
