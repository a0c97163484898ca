package org.concurrencyharness.maven.insight;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concurrencyharness.internal.result.Hint;

/**
 * Flags the compound updates of a class's fields that no lock protects: {@code x++},
 * {@code x += 1}, {@code x = x + 1}, check-then-act ({@code if (x == null) x = ...},
 * {@code if (!map.containsKey(k)) map.put(k, v)}) and read-then-write through accessors
 * ({@code setX(getX() + 1)}). Inside a {@code synchronized} method or block, or after a
 * {@code lock()}/{@code acquire()} in an enclosing block, or in a {@code try} whose
 * {@code finally} unlocks, an update counts as protected.
 */
final class CompoundUpdateFinder {

    private static final Set<String> LOCKS = Set.of("lock", "lockInterruptibly", "tryLock", "acquire", "writeLock");
    private static final Set<String> UNLOCKS = Set.of("unlock", "release", "unlockWrite", "unlockRead");
    private static final Set<String> CHECKS = Set.of("containsKey", "contains", "isEmpty", "get");
    private static final Set<String> ACTS = Set.of("put", "add", "remove", "offer", "set");

    private final String className;
    private final String file;
    private final ClassOrInterfaceDeclaration type;
    /** Field name to whether its value can change (not final). */
    private final Map<String, Boolean> fields = new LinkedHashMap<>();

    CompoundUpdateFinder(String className, String file, ClassOrInterfaceDeclaration type) {
        this.className = className;
        this.file = file;
        this.type = type;
        for (FieldDeclaration field : type.getFields()) {
            for (VariableDeclarator variable : field.getVariables()) {
                fields.put(variable.getNameAsString(), !field.isFinal());
            }
        }
    }

    List<Hint> find(List<MethodDeclaration> methods) {
        List<Hint> hints = new ArrayList<>();
        for (MethodDeclaration method : methods) {
            if (method.isSynchronized()) {
                continue;
            }
            Set<String> locals = localsOf(method);
            for (UnaryExpr unary : method.findAll(UnaryExpr.class)) {
                if (isIncrementOrDecrement(unary)) {
                    mutableField(unary.getExpression(), locals)
                            .ifPresent(f -> add(
                                    hints,
                                    f,
                                    unary,
                                    "read-modify-write (" + unary.getOperator().asString() + ") outside any lock"));
                }
            }
            for (AssignExpr assign : method.findAll(AssignExpr.class)) {
                Optional<String> field = mutableField(assign.getTarget(), locals);
                if (field.isEmpty()) {
                    continue;
                }
                if (assign.getOperator() != AssignExpr.Operator.ASSIGN) {
                    add(
                            hints,
                            field.get(),
                            assign,
                            "read-modify-write (" + assign.getOperator().asString() + ") outside any lock");
                } else if (mentions(assign.getValue(), field.get(), locals)) {
                    add(hints, field.get(), assign, "read-then-write of the same field outside any lock");
                }
            }
            for (IfStmt check : method.findAll(IfStmt.class)) {
                checkThenAct(check, locals)
                        .ifPresent(f -> add(
                                hints,
                                f,
                                check,
                                "check-then-act: another thread can act between the check and the act"));
            }
            for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
                accessorUpdate(call, locals)
                        .ifPresent(f -> add(hints, f, call, "read-then-write through accessors outside any lock"));
            }
        }
        return hints;
    }

    private void add(List<Hint> hints, String field, Node node, String reason) {
        if (isProtected(node)) {
            return;
        }
        int line = node.getBegin().map(p -> p.line).orElse(0);
        String code = node instanceof IfStmt check ? "if (" + check.getCondition() + ") ..." : node.toString();
        Hint hint = new Hint(className + "." + field, file + ":" + line, code, reason, false);
        if (!hints.contains(hint)) {
            hints.add(hint);
        }
    }

    private static boolean isIncrementOrDecrement(UnaryExpr unary) {
        return switch (unary.getOperator()) {
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
            default -> false;
        };
    }

    /** The field an expression names, when it is a field of this class whose value can change. */
    private Optional<String> mutableField(Expression expression, Set<String> locals) {
        return field(expression, locals).filter(name -> fields.get(name));
    }

    private Optional<String> field(Expression expression, Set<String> locals) {
        if (expression instanceof NameExpr name
                && !locals.contains(name.getNameAsString())
                && fields.containsKey(name.getNameAsString())) {
            return Optional.of(name.getNameAsString());
        }
        if (expression instanceof FieldAccessExpr access
                && fields.containsKey(access.getNameAsString())
                && (access.getScope().isThisExpr()
                        || access.getScope().toString().equals(type.getNameAsString()))) {
            return Optional.of(access.getNameAsString());
        }
        return Optional.empty();
    }

    private boolean mentions(Expression expression, String field, Set<String> locals) {
        return expression.findAll(Expression.class).stream()
                .anyMatch(e -> field(e, locals).filter(field::equals).isPresent());
    }

    /** {@code if (x == null) x = ...;} or {@code if (!map.containsKey(k)) map.put(k, v);} on a field. */
    private Optional<String> checkThenAct(IfStmt check, Set<String> locals) {
        Statement then = check.getThenStmt();
        for (AssignExpr act : then.findAll(AssignExpr.class)) {
            Optional<String> field = mutableField(act.getTarget(), locals);
            if (field.isPresent() && mentions(check.getCondition(), field.get(), locals)) {
                return field;
            }
        }
        for (MethodCallExpr probe : check.getCondition().findAll(MethodCallExpr.class)) {
            if (!CHECKS.contains(probe.getNameAsString()) || probe.getScope().isEmpty()) {
                continue;
            }
            Optional<String> collection = field(probe.getScope().get(), locals);
            if (collection.isEmpty()) {
                continue;
            }
            for (MethodCallExpr act : then.findAll(MethodCallExpr.class)) {
                if (ACTS.contains(act.getNameAsString())
                        && act.getScope().isPresent()
                        && field(act.getScope().get(), locals).equals(collection)) {
                    return collection;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code setX(getX() + 1)} where x is a field of this class. */
    private Optional<String> accessorUpdate(MethodCallExpr call, Set<String> locals) {
        String name = call.getNameAsString();
        boolean onThis = call.getScope().map(s -> s.isThisExpr()).orElse(true);
        if (!onThis
                || !name.startsWith("set")
                || name.length() < 4
                || call.getArguments().size() != 1) {
            return Optional.empty();
        }
        String property = name.substring(3);
        boolean readsIt = call.getArgument(0).findAll(MethodCallExpr.class).stream()
                .anyMatch(get -> get.getNameAsString().equals("get" + property)
                        || get.getNameAsString().equals("is" + property));
        String field = Character.toLowerCase(property.charAt(0)) + property.substring(1);
        return readsIt && Boolean.TRUE.equals(fields.get(field)) ? Optional.of(field) : Optional.empty();
    }

    private static boolean isProtected(Node node) {
        Node child = node;
        for (Node parent = node.getParentNode().orElse(null);
                parent != null;
                child = parent, parent = parent.getParentNode().orElse(null)) {
            if (parent instanceof SynchronizedStmt) {
                return true;
            }
            if (parent instanceof MethodDeclaration method) {
                return method.isSynchronized();
            }
            if (parent instanceof TryStmt attempt
                    && attempt.getFinallyBlock().map(f -> callsAny(f, UNLOCKS)).orElse(false)) {
                return true;
            }
            if (parent instanceof BlockStmt block && lockedBefore(block, child)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a statement of the block before the one holding the node takes a lock. */
    private static boolean lockedBefore(BlockStmt block, Node holder) {
        for (Statement statement : block.getStatements()) {
            if (statement == holder) {
                return false;
            }
            if (callsAny(statement, LOCKS)) {
                return true;
            }
        }
        return false;
    }

    private static boolean callsAny(Node node, Set<String> names) {
        return node.findAll(MethodCallExpr.class).stream().anyMatch(c -> names.contains(c.getNameAsString()));
    }

    private static Set<String> localsOf(MethodDeclaration method) {
        Set<String> locals = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            locals.add(parameter.getNameAsString());
        }
        method.findAll(VariableDeclarator.class).forEach(v -> locals.add(v.getNameAsString()));
        return locals;
    }
}
