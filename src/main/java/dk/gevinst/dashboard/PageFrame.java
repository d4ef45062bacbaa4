package dk.gevinst.dashboard;

/** What every page's frame needs: language, title, the way back, the footer line and the chart data. */
public record PageFrame(String lang, String title, boolean back, String footer, ScriptJson data) {}
