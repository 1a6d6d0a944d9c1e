package se.halsolage.domain;

/** One of SKR's 22 "Strategi för hälsa" goals. */
public record SfhGoal(int number, SfhArea area, String wording) {
}
