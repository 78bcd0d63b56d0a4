package com.acme.shop.chaos.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The report file keeps the latest run of each instance count. */
class ReportTest {

    @Test
    void aRunPutsItsSectionInAndReplacesOnlyTheSectionOfItsOwnInstanceCount() {
        String first = Report.merge(null, "one-a\n", 1);
        assertThat(first).startsWith("# Chaos run report").contains("one-a");

        String both = Report.merge(first, "two-a\n", 2);
        assertThat(both).contains("one-a", "two-a");
        assertThat(both.indexOf("one-a")).isLessThan(both.indexOf("two-a"));

        String again = Report.merge(both, "one-b\n", 1);
        assertThat(again).contains("one-b", "two-a").doesNotContain("one-a");
        assertThat(again.indexOf("one-b")).isLessThan(again.indexOf("two-a"));
        assertThat(Report.merge(again, "one-b\n", 1)).isEqualTo(again);
    }

    @Test
    void aFileThatIsNotAReportIsReplaced() {
        assertThat(Report.merge("something else", "one\n", 1)).startsWith("# Chaos run report").doesNotContain("something");
    }
}
