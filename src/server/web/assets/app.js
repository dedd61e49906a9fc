// fahras web app. The pages work without this script; it only turns a
// click on the coverage chart into the link of the period clicked, which
// the data table below the chart lists in the same order as the bars.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  for (const figure of document.querySelectorAll("figure.chart[data-buckets]")) {
    const svg = figure.querySelector("svg");
    const links = figure.closest("section").querySelectorAll("a.period");
    const x0 = Number(figure.dataset.x0);
    const x1 = Number(figure.dataset.x1);
    const n = Number(figure.dataset.buckets);
    if (!svg || links.length !== n || !(x1 > x0)) continue;
    const bucketAt = (event) => {
      const point = svg.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      const local = point.matrixTransform(svg.getScreenCTM().inverse());
      const i = Math.floor(((local.x - x0) / (x1 - x0)) * n);
      return i >= 0 && i < n ? i : -1;
    };
    svg.classList.add("clickable");
    svg.addEventListener("click", (event) => {
      const i = bucketAt(event);
      if (i >= 0) window.location.assign(links[i].href);
    });
    svg.addEventListener("mousemove", (event) => {
      const i = bucketAt(event);
      svg.setAttribute("aria-description", i >= 0 ? links[i].textContent : "");
      svg.querySelector("title")?.remove();
      if (i >= 0) {
        const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
        title.textContent = links[i].textContent;
        svg.prepend(title);
      }
    });
  }
});
