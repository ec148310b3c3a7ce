package schemasync.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a block of the sample schema shipped in {@code changes/}. The command line refuses to run a
 * sample block against a database that is not the local embedded one (demo tables, and a demo rename
 * that could hit a real table of the same name): {@code init} removes the sample; a block of your own
 * never carries this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SampleBlock {
}
