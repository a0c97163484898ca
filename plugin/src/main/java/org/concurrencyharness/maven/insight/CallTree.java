package org.concurrencyharness.maven.insight;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The methods of a class an exercise reaches: the exercise itself and, transitively, the methods
 * of the same class it calls on itself (by name, without symbol resolution: overloads count as one).
 */
final class CallTree {

    private final ClassOrInterfaceDeclaration type;

    CallTree(ClassOrInterfaceDeclaration type) {
        this.type = type;
    }

    List<MethodDeclaration> from(String methodName) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(methodName));
        List<MethodDeclaration> reached = new ArrayList<>();
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (!seen.add(name)) {
                continue;
            }
            for (MethodDeclaration method : type.getMethodsByName(name)) {
                reached.add(method);
                for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
                    boolean onThis = call.getScope().map(s -> s.isThisExpr()).orElse(true);
                    if (onThis && !type.getMethodsByName(call.getNameAsString()).isEmpty()) {
                        todo.add(call.getNameAsString());
                    }
                }
            }
        }
        return reached;
    }
}
