package org.concurrencyharness.maven.insight;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.concurrencyharness.internal.result.ExerciseResult;
import org.concurrencyharness.internal.result.Hint;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.internal.result.RunReport;

/**
 * Reads the project's sources with javaparser and, for each exercise, flags the unprotected
 * compound updates of shared fields in it and in the methods of its class it calls: hints that
 * the race detector then confirms, or not. Sources it cannot parse are skipped.
 */
public final class SourceInsight {

    private final Map<String, ClassOrInterfaceDeclaration> classes = new HashMap<>();
    private final Map<String, String> files = new HashMap<>();
    private final List<String> skipped = new ArrayList<>();

    public SourceInsight(List<Path> sourceRoots) {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        for (Path root : sourceRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> sources = Files.walk(root)) {
                sources.filter(f -> f.toString().endsWith(".java")).forEach(this::parse);
            } catch (IOException e) {
                skipped.add(root + ": " + e.getMessage());
            }
        }
    }

    /** Sources that could not be read or parsed, each with why. */
    public List<String> skipped() {
        return skipped;
    }

    private void parse(Path file) {
        try {
            CompilationUnit unit = StaticJavaParser.parse(file);
            String fileName = file.getFileName().toString();
            for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
                type.getFullyQualifiedName().ifPresent(name -> {
                    String binary = binaryName(type, name);
                    classes.put(binary, type);
                    files.put(binary, fileName);
                });
            }
        } catch (IOException | RuntimeException e) {
            skipped.add(file + ": " + e.getMessage());
        }
    }

    /** {@code a.b.Outer$Inner}, as reflection names a nested class. */
    private static String binaryName(ClassOrInterfaceDeclaration type, String qualified) {
        StringBuilder nesting = new StringBuilder();
        Optional<ClassOrInterfaceDeclaration> outer = type.findAncestor(ClassOrInterfaceDeclaration.class);
        String name = qualified;
        while (outer.isPresent()) {
            int dot = name.lastIndexOf('.');
            nesting.insert(0, "$" + name.substring(dot + 1));
            name = name.substring(0, dot);
            outer = outer.get().findAncestor(ClassOrInterfaceDeclaration.class);
        }
        return name + nesting;
    }

    /** The hints for one exercise, before it runs. */
    public List<Hint> hintsFor(String className, String methodName) {
        ClassOrInterfaceDeclaration type = classes.get(className);
        if (type == null) {
            return List.of();
        }
        List<MethodDeclaration> reachable = new CallTree(type).from(methodName);
        return new CompoundUpdateFinder(className, files.get(className), type).find(reachable);
    }

    /** The run with each exercise's hints, marked confirmed where the detector found a race on the field. */
    public RunReport annotate(RunReport report) {
        List<ExerciseResult> annotated = new ArrayList<>();
        for (ExerciseResult exercise : report.exercises()) {
            List<Hint> hints = new ArrayList<>();
            for (Hint hint : hintsFor(exercise.className(), exercise.methodName())) {
                boolean confirmed = exercise.races().stream().map(Race::field).anyMatch(hint.field()::equals);
                hints.add(new Hint(hint.field(), hint.location(), hint.code(), hint.reason(), confirmed));
            }
            annotated.add(exercise.withHints(hints));
        }
        return report.withExercises(annotated);
    }
}
