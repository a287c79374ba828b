package org.leveling.levels.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leveling.common.web.Cursors;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Reports (the whole chain below) and level history come in bounded pages, like every list. */
@QuarkusTest
class PeoplePagingTest {

    @Test
    void reportsComeInPagesNearestFirstWithoutDuplicates() {
        String director = LevelFixture.person(null);
        List<String[]> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String manager = LevelFixture.person(director);
            expected.add(new String[] {"1", manager});
            for (int j = 0; j < 2; j++) {
                String report = LevelFixture.person(manager);
                expected.add(new String[] {"2", report});
                expected.add(new String[] {"3", LevelFixture.person(report)});
            }
        }
        expected.sort(Comparator.<String[], String>comparing(e -> e[0]).thenComparing(e -> e[1]));

        List<Map<String, Object>> all = readAll("/api/v1/people/{id}/reports", director, 4);
        assertThat(all).extracting(r -> r.get("depth") + "/" + r.get("employeeId"))
                .containsExactlyElementsOf(expected.stream().map(e -> e[0] + "/" + e[1]).toList());
        given().auth().oauth2(LevelFixture.HR_ADMIN).get("/api/v1/people/{id}/reports", director).then()
                .statusCode(200).body("items", hasSize(15)).body("nextCursor", equalTo(null));
        given().auth().oauth2(LevelFixture.HR_ADMIN).get("/api/v1/people/{id}/reports", expected.get(14)[1]).then()
                .statusCode(200).body("items", equalTo(List.of())).body("nextCursor", equalTo(null));
    }

    @Test
    void levelHistoryComesInPagesOldestFirst() {
        String framework = FrameworkResourceTestLadder.publish();
        String person = LevelFixture.person(null);
        LevelFixture.changed(person, framework, "PM", "2024-01-01", "INITIAL");
        LevelFixture.changed(person, framework, "SPM-I", "2025-01-01", "PROMOTION");
        LevelFixture.changed(person, framework, "SPM-II", "2025-01-01", "PROMOTION");
        LevelFixture.changed(person, framework, "PPM", "2026-01-01", "PROMOTION");
        LevelFixture.changed(person, framework, "SPM-II", "2026-02-01", "CORRECTION");

        List<Map<String, Object>> all = readAll("/api/v1/people/{id}/level-history", person, 2);
        assertThat(all).extracting(e -> e.get("level")).containsExactly("PM", "SPM-I", "SPM-II", "PPM", "SPM-II");
        assertThat(all).extracting(e -> e.get("id")).doesNotHaveDuplicates();
    }

    @Test
    void aLimitOverTheMaximumOrACursorNotFromThisApiIsA400NamingTheParameter() {
        String person = LevelFixture.person(null);
        for (String path : List.of("/api/v1/people/{id}/reports", "/api/v1/people/{id}/level-history")) {
            given().auth().oauth2(LevelFixture.HR_ADMIN).queryParam("limit", 101).get(path, person).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
            given().auth().oauth2(LevelFixture.HR_ADMIN).queryParam("limit", 0).get(path, person).then()
                    .statusCode(400).body("errors[0].field", equalTo("limit"));
            for (String cursor : List.of("%%%", Cursors.encode("no-separator"), Cursors.encodeParts("x", "y"))) {
                given().auth().oauth2(LevelFixture.HR_ADMIN).queryParam("cursor", cursor).get(path, person).then()
                        .statusCode(400).body("errors[0].field", equalTo("cursor"));
            }
        }
    }

    /** Every page of a list, {@code limit} at a time; each page but the last is full and says where to go on. */
    private static List<Map<String, Object>> readAll(String path, String person, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(LevelFixture.HR_ADMIN).queryParam("limit", limit);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path, person).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> pageItems = page.getList("items");
            cursor = page.getString("nextCursor");
            assertThat(pageItems.size()).isEqualTo(cursor == null ? pageItems.size() : limit).isLessThanOrEqualTo(limit);
            items.addAll(pageItems);
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(pages).isGreaterThan(1);
        return items;
    }
}
