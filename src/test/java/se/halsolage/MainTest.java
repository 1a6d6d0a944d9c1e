package se.halsolage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @Test
    void aLoneWorkbookFileOpensTheDesktopWithoutCommandLineParsing() {
        assertThat(Main.opensDesktop("exempel.halsa")).isTrue();
        assertThat(Main.opensDesktop("/home/anna/Mina dokument/folkhälsa 2026.halsa")).isTrue();
        assertThat(Main.opensDesktop("demo")).isFalse();
        assertThat(Main.opensDesktop("--help")).isFalse();
        assertThat(Main.opensDesktop("-V")).isFalse();
        assertThat(Main.opensDesktop("rapport.docx")).isFalse();
    }
}
