package io.tokenledger.web.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.NamedInterface;

/**
 * Keeps ARCHITECTURE.md's list of each module's face equal to what Spring Modulith computes from the code (the base
 * package's public types and each named interface, listed by package), so that a type joining a module's face shows in the diff of that
 * page. {@code -Dfaces.update=true} writes the computed list into the page.
 */
class ModuleFacesTest {

    private static final Path PAGE = Path.of("..", "ARCHITECTURE.md");
    private static final String START = "<!-- faces: written by ModuleFacesTest -->\n";
    private static final String END = "<!-- /faces -->\n";
    private static final List<String> MODULES_WITH_A_FACE = List.of("pricing", "ingest", "reporting");

    @Test
    void architectureListsEachModulesFaceAsTheCodeHasIt() throws IOException {
        String page = Files.readString(PAGE);
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        assertThat(start).as("ARCHITECTURE.md has the faces block").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String listed = page.substring(start + START.length(), end);
        String computed = faces();
        if (!listed.equals(computed) && Boolean.getBoolean("faces.update")) {
            Files.writeString(PAGE, page.substring(0, start + START.length()) + computed + page.substring(end));
            return;
        }
        assertThat(listed)
                .as("the module faces in ARCHITECTURE.md; if the change to a face is meant, run"
                        + " ./mvnw -pl web -am test -Dtest=ModuleFacesTest -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -Dfaces.update=true and review the page's diff")
                .isEqualTo(computed);
    }

    private static String faces() {
        StringBuilder text = new StringBuilder();
        for (String name : MODULES_WITH_A_FACE) {
            ApplicationModule module = ModulesTest.MODULES
                    .getModuleByName(name)
                    .orElseThrow(() -> new AssertionError("no module " + name));
            String base = module.getBasePackage().getName();
            text.append("\n**").append(name).append("**\n\n");
            // by package: a named interface on single types also carries the types their signatures expose
            Map<String, SortedSet<String>> byPackage = new TreeMap<>();
            for (NamedInterface face : module.getNamedInterfaces()) {
                face.asJavaClasses()
                        .filter(type ->
                                !type.isNestedClass() && !type.getSimpleName().equals("package-info"))
                        .forEach(type -> byPackage
                                .computeIfAbsent(type.getPackageName(), p -> new TreeSet<>())
                                .add(type.getSimpleName()));
            }
            byPackage.forEach((javaPackage, types) -> text.append("- ")
                    .append(
                            javaPackage.equals(base)
                                    ? "the base package"
                                    : "`" + javaPackage.substring(base.length() + 1) + "`")
                    .append(": ")
                    .append(String.join(", ", types))
                    .append('\n'));
        }
        return text.append('\n').toString();
    }
}
