package racecorpus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The label of a corpus exercise that loses updates through thread-safe calls, without a data race: the field the
 * detector must name for the lost update (for an object the harness hosts, the object, such as
 * {@code Shared.map("n")}). Its three accesses must be on lines marked with a {@code // race} comment.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LosesUpdates {
    String field();
}
