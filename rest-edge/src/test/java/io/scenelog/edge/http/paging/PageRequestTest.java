package io.scenelog.edge.http.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @Test
    void shouldDefaultToTheFirstPageOf50() {
        assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(50, Optional.empty()));
        assertThat(PageRequest.first()).isEqualTo(new PageRequest(PageRequest.DEFAULT_LIMIT, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "50", "500", "007"})
    void shouldAcceptALimitFrom1To500(String limit) {
        assertThat(PageRequest.parse(limit, null).limit()).isEqualTo(Integer.parseInt(limit));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "-1", "+5", "abc", "", " 5", "1.0", "1e2", "99999999999", "50,50"})
    void shouldRejectAnyOtherLimitNamingTheParameter(String limit) {
        assertThatThrownBy(() -> PageRequest.parse(limit, null))
                .isInstanceOf(PagingException.class)
                .hasMessage("limit must be an integer from 1 to 500, got \"" + limit + "\"")
                .extracting(e -> ((PagingException) e).field()).isEqualTo("limit");
    }

    @Test
    void shouldShowOnlyTheStartOfAVeryLongLimit() {
        assertThatThrownBy(() -> PageRequest.parse("9".repeat(1000), null))
                .hasMessage("limit must be an integer from 1 to 500, got \"" + "9".repeat(20) + "…\"");
    }

    @Test
    void shouldResumeAfterTheKeyOfTheCursor() {
        // given
        String cursor = Cursors.encode("scene-0042");

        // when
        PageRequest request = PageRequest.parse("10", cursor);

        // then
        assertThat(request).isEqualTo(new PageRequest(10, Optional.of("scene-0042")));
    }

    @Test
    void shouldTreatAnEmptyCursorAsTheFirstPage() {
        assertThat(PageRequest.parse(null, "").after()).isEmpty();
    }

    @Test
    void shouldRejectAGarbledCursorNamingTheParameter() {
        assertThatThrownBy(() -> PageRequest.parse(null, "not a cursor"))
                .isInstanceOf(PagingException.class)
                .extracting(e -> ((PagingException) e).field()).isEqualTo("cursor");
    }

    @Test
    void shouldRefuseAnOutOfRangeLimitInCode() {
        assertThatThrownBy(() -> new PageRequest(0, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(501, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
