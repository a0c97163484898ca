package racecorpus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The label of a corpus exercise that races: the field the detector must name. Both accesses must
 * be on lines of the exercise's class marked with a {@code // race} comment.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Racy {
    String field();
}
