package com.guitarstudio.lessons.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a bar chart drawn as server-side SVG: where each bar and axis tick goes in a
 * {@value #WIDTH} × {@value #HEIGHT} view box. The template only writes the elements.
 *
 * @param title what the chart shows (the SVG's title, for screen readers too)
 * @param bars in drawing order, left to right
 * @param ticks labels of the value axis
 */
public record BarChart(String title, List<Bar> bars, List<Tick> ticks) {

    /**
     * Small enough that the SVG is drawn at about its own size (the page caps it at this width), so
     * its 12-unit labels read as 12 px on a desktop and do not shrink below 10 px on a phone.
     */
    static final int WIDTH = 400;

    static final int HEIGHT = 190;
    static final int LEFT = 40;
    static final int RIGHT = 8;
    static final int TOP = 12;
    static final int BOTTOM = 30;
    static final double MAX_BAR_WIDTH = 28;
    /** At most this many bars are labelled: more labels would run into each other. */
    static final int MAX_LABELS = 6;

    /** One bar; {@code label} is shown under it when {@code labelled} (every bar fits only when few). */
    public record Bar(
            double x,
            double y,
            double width,
            double height,
            String label,
            boolean labelled,
            String tooltip,
            String tone) {

        public double labelX() {
            return round(x + width / 2);
        }
    }

    public record Tick(double y, String label) {}

    public record Point(String label, long value, String tooltip, String tone) {}

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public double axisY() {
        return HEIGHT - BOTTOM;
    }

    public double axisLeft() {
        return LEFT;
    }

    public double axisRight() {
        return WIDTH - RIGHT;
    }

    public double labelY() {
        return HEIGHT - BOTTOM + 17;
    }

    static BarChart of(String title, List<Point> points) {
        long max = points.stream().mapToLong(Point::value).max().orElse(0);
        long top = niceCeiling(max);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = points.isEmpty() ? 0 : plotWidth / points.size();
        double barWidth = Math.max(1, Math.min(slot * 0.7, MAX_BAR_WIDTH));
        int labelEvery = Math.max(1, (int) Math.ceil(points.size() / (double) MAX_LABELS));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            double height = top == 0 ? 0 : plotHeight * point.value() / top;
            bars.add(new Bar(
                    round(LEFT + i * slot + (slot - barWidth) / 2),
                    round(TOP + plotHeight - height),
                    round(barWidth),
                    round(height),
                    point.label(),
                    i % labelEvery == 0,
                    point.tooltip(),
                    point.tone()));
        }
        List<Tick> ticks = List.of(
                new Tick(TOP + plotHeight, "0"),
                new Tick(round(TOP + plotHeight / 2), Long.toString(top / 2)),
                new Tick(TOP, Long.toString(top)));
        return new BarChart(title, bars, top == 0 ? ticks.subList(0, 1) : ticks);
    }

    /**
     * The top of the value axis: the smallest round number (1, 2, 4 or 5 × 10^n) at least {@code
     * value} whose half is a whole number too, so the middle tick sits where its label says.
     */
    static long niceCeiling(long value) {
        if (value <= 0) {
            return 0;
        }
        long magnitude = 1;
        while (magnitude * 10 <= value) {
            magnitude *= 10;
        }
        for (long step : new long[] {1, 2, 4, 5, 10}) {
            long top = step * magnitude;
            if (top >= value && top % 2 == 0) {
                return top;
            }
        }
        return 10 * magnitude;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
