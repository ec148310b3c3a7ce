package schemasync.plan;

import schemasync.model.HazardKind;

/** A hazard of one step: its kind and a detail that names the object and says why. */
public record Hazard(HazardKind kind, String detail) {
    @Override
    public String toString() {
        return kind + " (" + detail + ")";
    }
}
