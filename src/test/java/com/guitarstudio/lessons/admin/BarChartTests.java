package com.guitarstudio.lessons.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BarChartTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0",
        "1, 2",
        "2, 2",
        "3, 4",
        "5, 10",
        "7, 10",
        "12, 20",
        "33, 40",
        "45, 50",
        "120, 200",
        "396, 400",
        "1000, 1000",
        "1001, 2000"
    })
    void theValueAxisEndsAtARoundNumber(long max, long top) {
        assertThat(BarChart.niceCeiling(max)).isEqualTo(top);
    }

    @Test
    void barsAreScaledToTheTopOfTheAxisAndStandOnIt() {
        BarChart chart = BarChart.of(
                "t",
                List.of(
                        new BarChart.Point("a", 50, "50", "ok"),
                        new BarChart.Point("b", 100, "100", "ok"),
                        new BarChart.Point("c", 0, "0", "warn")));

        List<BarChart.Bar> bars = chart.bars();
        double plot = BarChart.HEIGHT - BarChart.TOP - BarChart.BOTTOM;
        assertThat(bars.get(1).height()).isEqualTo(plot);
        assertThat(bars.get(0).height()).isEqualTo(plot / 2);
        assertThat(bars.get(2).height()).isZero();
        assertThat(bars).allSatisfy(bar -> assertThat(bar.y() + bar.height()).isEqualTo(chart.axisY()));
        assertThat(bars.get(0).x()).isLessThan(bars.get(1).x());
        assertThat(chart.ticks()).extracting(BarChart.Tick::label).containsExactly("0", "50", "100");
    }

    @Test
    void manyBarsLabelOnlySomeAndABarIsNeverWiderThanAThumb() {
        List<BarChart.Point> many = java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> new BarChart.Point("d" + i, i, "", "ok"))
                .toList();

        assertThat(BarChart.of("t", many).bars().stream().filter(BarChart.Bar::labelled))
                .hasSize(BarChart.MAX_LABELS);
        assertThat(BarChart.of("t", List.of(new BarChart.Point("one", 5, "", "ok")))
                        .bars()
                        .get(0)
                        .width())
                .isEqualTo(BarChart.MAX_BAR_WIDTH);
        assertThat(BarChart.of("t", List.of()).isEmpty()).isTrue();
    }
}
