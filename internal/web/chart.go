package web

import (
	"fmt"
	"html"
	"html/template"
	"strings"
	"time"

	"github.com/parleyproject/parley/internal/store"
)

// Chart geometry, in SVG user units; the SVG scales to its container.
const (
	chartW      = 800
	chartLeft   = 44
	chartRight  = 12
	scoreTop    = 28
	scoreBottom = 158
	barsTop     = 182
	barsBottom  = 292
	chartH      = 320
)

// monthsBetween returns every month "YYYY-MM" from first to last.
func monthsBetween(first, last string) []string {
	a, err1 := time.Parse("2006-01", first)
	b, err2 := time.Parse("2006-01", last)
	if err1 != nil || err2 != nil || b.Before(a) {
		return nil
	}
	var out []string
	for t := a; !t.After(b) && len(out) < 1200; t = t.AddDate(0, 1, 0) {
		out = append(out, t.Format("2006-01"))
	}
	return out
}

// trendChart draws the monthly trend of a dyad as SVG: the mean Goldstein
// and PLOVER scores on a -10…+10 scale above, cooperation (up) and
// conflict (down) counts below. Months without events leave gaps in the
// lines. It returns "" when there is nothing to draw.
func trendChart(points []store.SeriesPoint, title string) template.HTML {
	if len(points) == 0 {
		return ""
	}
	byMonth := map[string]store.SeriesPoint{}
	for _, p := range points {
		byMonth[p.Period] = p
	}
	months := monthsBetween(points[0].Period, points[len(points)-1].Period)
	if len(months) == 0 {
		return ""
	}
	maxCount := 1
	for _, p := range points {
		maxCount = max(maxCount, p.Cooperation, p.Conflict)
	}
	plotW := float64(chartW - chartLeft - chartRight)
	step := plotW / float64(len(months))
	x := func(i int) float64 { return chartLeft + (float64(i)+0.5)*step }
	yScore := func(v float64) float64 {
		return scoreTop + (10-v)/20*(scoreBottom-scoreTop)
	}
	mid := float64(barsTop+barsBottom) / 2
	half := float64(barsBottom-barsTop) / 2
	barW := max(1, step*0.7)
	dotR := 3.0
	if len(months) > 60 {
		dotR = 1.5 // many months: the line carries the trend
	}

	var b strings.Builder
	esc := html.EscapeString
	fmt.Fprintf(&b, `<svg id="trend" class="chart" viewBox="0 0 %d %d" role="img" aria-labelledby="trend-title trend-desc" xmlns="http://www.w3.org/2000/svg">`, chartW, chartH)
	fmt.Fprintf(&b, `<title id="trend-title">%s</title>`, esc(title))
	fmt.Fprintf(&b, `<desc id="trend-desc">Monthly mean Goldstein score and PLOVER score from %s to %s (scale -10 to +10), and counts of cooperative and conflictual events.</desc>`,
		esc(months[0]), esc(months[len(months)-1]))
	// Score panel: frame, zero line, scale labels.
	fmt.Fprintf(&b, `<rect class="panel" x="%d" y="%d" width="%.1f" height="%d"/>`, chartLeft, scoreTop, plotW, scoreBottom-scoreTop)
	for _, v := range []float64{10, 5, 0, -5, -10} {
		cls := "grid"
		if v == 0 {
			cls = "zero"
		}
		fmt.Fprintf(&b, `<line class="%s" x1="%d" x2="%.1f" y1="%.1f" y2="%.1f"/>`, cls, chartLeft, chartLeft+plotW, yScore(v), yScore(v))
		fmt.Fprintf(&b, `<text class="axis" x="%d" y="%.1f" text-anchor="end">%+g</text>`, chartLeft-6, yScore(v)+4, v)
	}
	fmt.Fprintf(&b, `<text class="label" x="%d" y="16">Mean score by month</text>`, chartLeft)
	fmt.Fprintf(&b, `<g class="legend" transform="translate(%d 10)"><line class="goldstein" x1="0" x2="18" y1="6" y2="6"/><text x="22" y="10">Goldstein</text><line class="plover" x1="96" x2="114" y1="6" y2="6"/><text x="118" y="10">PLOVER</text></g>`, chartW-chartRight-190)
	// Count panel.
	fmt.Fprintf(&b, `<line class="zero" x1="%d" x2="%.1f" y1="%.1f" y2="%.1f"/>`, chartLeft, chartLeft+plotW, mid, mid)
	fmt.Fprintf(&b, `<text class="axis" x="%d" y="%d" text-anchor="end">%d</text>`, chartLeft-6, barsTop+8, maxCount)
	fmt.Fprintf(&b, `<text class="axis" x="%d" y="%d" text-anchor="end">%d</text>`, chartLeft-6, barsBottom, maxCount)
	fmt.Fprintf(&b, `<text class="label" x="%d" y="%d">Cooperation ▲ / conflict ▼ events</text>`, chartLeft, barsTop-8)
	var gold, plover strings.Builder
	penG, penP := "M", "M"
	for i, m := range months {
		p, ok := byMonth[m]
		if !ok || p.Events == 0 {
			penG, penP = "M", "M"
			continue
		}
		fmt.Fprintf(&gold, "%s%.1f %.1f ", penG, x(i), yScore(p.MeanGoldstein))
		penG = "L"
		if p.Scored > 0 {
			fmt.Fprintf(&plover, "%s%.1f %.1f ", penP, x(i), yScore(p.MeanPLOVER))
			penP = "L"
		} else {
			penP = "M"
		}
		fmt.Fprintf(&b, `<g class="month"><title>%s: %d events, mean Goldstein %.1f, PLOVER %.1f, %d cooperation, %d conflict</title>`,
			esc(m), p.Events, p.MeanGoldstein, p.MeanPLOVER, p.Cooperation, p.Conflict)
		if p.Cooperation > 0 {
			h := float64(p.Cooperation) / float64(maxCount) * half
			fmt.Fprintf(&b, `<rect class="coop" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`, x(i)-barW/2, mid-h, barW, h)
		}
		if p.Conflict > 0 {
			h := float64(p.Conflict) / float64(maxCount) * half
			fmt.Fprintf(&b, `<rect class="conflict" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`, x(i)-barW/2, mid, barW, h)
		}
		fmt.Fprintf(&b, `<circle class="dot" cx="%.1f" cy="%.1f" r="%.1f"/>`, x(i), yScore(p.MeanGoldstein), dotR)
		b.WriteString(`</g>`)
	}
	if gold.Len() > 0 {
		fmt.Fprintf(&b, `<path class="goldstein" d="%s"/>`, strings.TrimSpace(gold.String()))
	}
	if plover.Len() > 0 {
		fmt.Fprintf(&b, `<path class="plover" d="%s"/>`, strings.TrimSpace(plover.String()))
	}
	// Time axis: over two years, each January labelled with its year (and
	// the first month when no January is near); else about a dozen months.
	every := max(1, len(months)/12)
	for i, m := range months {
		label := ""
		switch {
		case len(months) > 24 && strings.HasSuffix(m, "-01"):
			label = m[:4]
		case len(months) > 24 && i == 0 && monthNum(m) <= 7:
			label = m[:4]
		case len(months) <= 24 && i%every == 0:
			label = m
		}
		if label != "" {
			fmt.Fprintf(&b, `<text class="axis" x="%.1f" y="%d" text-anchor="middle">%s</text>`, x(i), chartH-8, esc(label))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // built from numbers and escaped text only
}

// monthNum returns the month number of "YYYY-MM", 0 when malformed.
func monthNum(m string) int {
	if len(m) != 7 {
		return 0
	}
	return int(m[5]-'0')*10 + int(m[6]-'0')
}
