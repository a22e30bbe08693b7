package com.guitarstudio.lessons.health;

/** Reads the studio's numbers for the health report; implemented by the feature that owns the data. */
public interface IndicatorsQuery {

    Indicators read();
}
