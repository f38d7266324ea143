// Clientside callbacks of the dashboard (see dashboard/app.py).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
    dashboard: {
        // Scroll the opened report to the emphasised fact (the one the evidence panel linked to).
        showCurrentFact: function () {
            const mark = document.querySelector("#report-text mark.fact.current");
            if (mark) {
                // After this render, so that the text is laid out before it scrolls; and again
                // while what stands above it (the facts table, drawn once its script has loaded)
                // still changes the page's height, for a moment after the report opens.
                const centre = function () { mark.scrollIntoView({block: "center"}); };
                window.requestAnimationFrame(centre);
                const settling = new ResizeObserver(centre);
                settling.observe(document.body);
                window.setTimeout(function () { settling.disconnect(); }, 3000);
            }
            return window.dash_clientside.no_update;
        },
    },
});
