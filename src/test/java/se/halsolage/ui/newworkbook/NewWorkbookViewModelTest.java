package se.halsolage.ui.newworkbook;

import org.junit.jupiter.api.Test;
import se.halsolage.catalog.CatalogLoader;

import static org.assertj.core.api.Assertions.assertThat;

class NewWorkbookViewModelTest {
    private final NewWorkbookViewModel vm = new NewWorkbookViewModel(CatalogLoader.areas(), "sv");

    @Test
    void searchesThe290MunicipalitiesByNameWithoutDiacriticsOrByCode() {
        assertThat(vm.matches()).hasSize(290);
        assertThat(vm.problem()).startsWith("Välj den egna kommunen");
        vm.search.set("malmo");
        assertThat(vm.matches()).extracting(a -> a.name()).containsExactly("Malmö");
        assertThat(vm.municipality.get().id()).isEqualTo("1280");
        vm.search.set("1984");
        assertThat(vm.matches()).extracting(a -> a.name()).containsExactly("Arboga");
        assertThat(vm.problem()).isNull();
        assertThat(vm.toSettings().countyId()).isEqualTo("0019");
        assertThat(vm.suggestedFileName(".halsa")).isEqualTo("folkhalsa-arboga.halsa");
        // several matches: nothing is chosen for the user
        vm.search.set("ström");
        assertThat(vm.matches()).extracting(a -> a.name()).contains("Strömstad", "Strömsund");
        assertThat(vm.municipality.get()).isNull();
        vm.search.set("xyz");
        assertThat(vm.matches()).isEmpty();
        vm.search.set("");
        vm.planYear.set("20x6");
        vm.municipality.set(vm.matches().get(0));
        assertThat(vm.problem()).isEqualTo("Planåret ska vara ett år, till exempel 2026.");
    }
}
