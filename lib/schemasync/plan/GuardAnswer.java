package schemasync.plan;

/** What a custom step's guard said when asked before planning. */
public enum GuardAnswer {
    /** The guard returned true: the step is still needed. */
    NEEDED,
    /** The guard returned false: the step has done its work. */
    NOT_NEEDED,
    /** The guard refers to a table or column this run creates: it is asked again during the apply. */
    AFTER_EARLIER_STEPS
}
