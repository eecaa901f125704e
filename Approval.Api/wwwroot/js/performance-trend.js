// The performance page's trend: each unit's score over the periods, drawn by ECharts from the JSON the page carries
// (the server computed every figure; nothing is fetched).
(() => {
    const element = document.getElementById("trend-chart");
    const source = document.getElementById("trend-data");
    if (!element || !source || typeof echarts === "undefined")
        return;
    const data = JSON.parse(source.textContent || "{}");
    const chart = echarts.init(element);
    chart.setOption({
        animation: false,
        tooltip: { trigger: "axis" },
        legend: { type: "scroll", top: 0 },
        grid: { top: 40, left: 48, right: 24, bottom: 32 },
        xAxis: { type: "category", data: data.periods },
        yAxis: { type: "value", name: data.yName, scale: true },
        series: (data.series || []).map(s => ({ name: s.name, type: "line", data: s.scores, connectNulls: false, symbolSize: 6 })),
    });
    element.dataset.rendered = "true";
    window.addEventListener("resize", () => chart.resize());
})();
