// Clientside callbacks of the dashboard (see dashboard/app.py).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
    dashboard: {
        // Scroll the opened report to the emphasised fact (the one the evidence panel linked to).
        showCurrentFact: function () {
            const mark = document.querySelector("#report-text mark.fact.current");
            if (mark) {
                // After this render, so that the text is laid out before it scrolls.
                window.requestAnimationFrame(function () { mark.scrollIntoView({block: "center"}); });
            }
            return window.dash_clientside.no_update;
        },
    },
});
