// The supervision hall: hands the live part's chart data to ECharts after each htmx swap (the charts stay, only their
// options change, so nothing flickers), and switches the big-screen mode (全屏) for a supervision room's wall display.
(() => {
    const colours = { Green: "#16a34a", Prompt: "#2563eb", Yellow: "#eab308", Red: "#dc2626" };
    const charts = new Map();

    const chartOf = element => {
        if (!charts.has(element))
            charts.set(element, echarts.init(element, document.querySelector(".hall-wall") ? "dark" : null));
        return charts.get(element);
    };

    const stacked = unit => ({
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
        xAxis: { type: "category", data: unit.units, axisLabel: { interval: 0, rotate: unit.units.length > 5 ? 30 : 0 } },
        yAxis: { type: "value", minInterval: 1 },
        series: unit.series.map(s => ({ name: s.name, type: "bar", stack: "level", data: s.data, itemStyle: { color: colours[s.level] } })),
    });

    const options = {
        levels: data => ({
            tooltip: { trigger: "item" },
            legend: { bottom: 0 },
            series: [{ type: "pie", radius: ["35%", "65%"], data: data.levels.map(l => ({ name: l.name, value: l.value, itemStyle: { color: colours[l.level] } })) }],
        }),
        byDepartment: data => stacked(data.byDepartment),
        tasksByDepartment: data => stacked(data.tasksByDepartment),
        byWindow: data => stacked(data.byWindow),
        days: data => ({
            tooltip: { trigger: "axis" },
            legend: { top: 0 },
            grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
            xAxis: { type: "category", data: data.days.labels },
            yAxis: { type: "value", minInterval: 1 },
            series: [
                { name: data.days.received.name, type: "line", data: data.days.received.data },
                { name: data.days.completed.name, type: "line", data: data.days.completed.data },
            ],
        }),
    };

    const draw = () => {
        const source = document.querySelector("[data-hall-charts]");
        if (!source || typeof echarts === "undefined")
            return;
        const data = JSON.parse(source.textContent);
        document.querySelectorAll("[data-chart]").forEach(element => {
            const option = options[element.dataset.chart];
            if (option)
                chartOf(element).setOption(option(data), { replaceMerge: ["series"] });
        });
        document.getElementById("hall")?.setAttribute("data-drawn", String(Date.now()));
    };

    // The dark theme is chosen when a chart is made: switching the mode makes the charts again.
    const redraw = () => {
        charts.forEach(chart => chart.dispose());
        charts.clear();
        draw();
    };

    const toggleWall = button => {
        const hall = document.getElementById("hall");
        const on = !hall.classList.contains("hall-wall");
        hall.classList.toggle("hall-wall", on);
        document.body.classList.toggle("hall-wall-body", on);
        button.setAttribute("aria-pressed", String(on));
        if (on && document.fullscreenEnabled && !document.fullscreenElement)
            document.documentElement.requestFullscreen().catch(() => { /* refused (no gesture, a kiosk): the mode still applies */ });
        if (!on && document.fullscreenElement)
            document.exitFullscreen().catch(() => { });
        redraw();
    };

    document.addEventListener("DOMContentLoaded", () => {
        if (document.querySelector(".hall-wall"))
            document.body.classList.add("hall-wall-body");
        draw();
        document.querySelector("[data-hall-wall]")?.addEventListener("click", event => toggleWall(event.currentTarget));
    });
    document.addEventListener("htmx:afterSettle", event => {
        if (event.target.id === "hall-live")
            draw();
    });
    window.addEventListener("resize", () => charts.forEach(chart => chart.resize()));
    document.addEventListener("fullscreenchange", () => charts.forEach(chart => chart.resize()));
})();
