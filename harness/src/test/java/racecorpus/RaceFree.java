package racecorpus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The label of a corpus exercise that is correctly synchronised: the detector must find no race. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RaceFree {
    /** The synchronisation it relies on. */
    String value();
}
