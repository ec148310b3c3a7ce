package schemasync.step;

import schemasync.catalog.Conversion;

/**
 * The step that creates an encoding conversion (its drop is {@link ObjectSteps.DropObject} of a CONVERSION). It locks
 * no relation: a pg_conversion row is read only when a session sets a client_encoding of its pair or calls
 * convert(), which finds the default conversion by catalog lookup.
 */
public interface ConversionSteps {

    /** CREATE [DEFAULT] CONVERSION name FOR 'source' TO 'destination' FROM function. */
    record CreateConversion(Conversion conversion) implements Step {
        public String object() {
            return conversion.name().toString();
        }

        public Facts facts() {
            return Facts.creates(Lock.NO_RELATION);
        }

        public <R> R accept(StepVisitor<R> v) {
            return v.createConversion(this);
        }
    }
}
