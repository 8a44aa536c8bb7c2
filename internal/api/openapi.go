package api

import (
	"crypto/subtle"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
)

// OpenAPI returns the OpenAPI 3.1 document of the API. Its paths come from
// the route table; its schemas are written here beside the response types
// and checked against real responses by the tests.
func (h *Handler) OpenAPI() map[string]any {
	paths := map[string]any{}
	for _, rt := range h.routes {
		item, _ := paths[rt.path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[rt.path] = item
		}
		item[lower(rt.method)] = h.operation(rt)
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":       "parley API",
			"version":     "1",
			"description": "Read the documents, events, meetings, quotes and measures parley has stored, and relationship summaries and time series of dyads. Errors are JSON {\"error\": {\"code\", \"message\"}}.",
		},
		"servers":    []any{map[string]any{"url": "/"}},
		"paths":      paths,
		"components": map[string]any{"schemas": schemas(), "securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}}},
	}
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

var pathParamRE = regexp.MustCompile(`\{([a-z_]+)\}`)

func (h *Handler) operation(rt route) map[string]any {
	var params []any
	for _, m := range pathParamRE.FindAllStringSubmatch(rt.path, -1) {
		desc := "document id or an unambiguous prefix of one"
		if m[1] == "dyad" {
			desc = "two different three-letter country codes: USA-RUS"
		}
		params = append(params, map[string]any{"name": m[1], "in": "path", "required": true,
			"description": desc, "schema": map[string]any{"type": "string"}})
	}
	for _, p := range rt.params {
		s := map[string]any{"type": p.typ}
		switch p.typ {
		case "date":
			s = map[string]any{"type": "string", "format": "date"}
		case "integer":
			if len(p.enum) > 0 {
				var e []any
				for _, v := range p.enum {
					n, _ := strconv.Atoi(v)
					e = append(e, n)
				}
				s["enum"] = e
			}
		default:
			if len(p.enum) > 0 {
				s["enum"] = p.enum
			}
		}
		params = append(params, map[string]any{"name": p.name, "in": "query", "description": p.desc, "schema": s})
	}
	status := rt.status
	if status == 0 {
		status = http.StatusOK
	}
	responses := map[string]any{
		strconv.Itoa(status): map[string]any{"description": "success", "content": jsonContent(rt.response)},
		"400":                errResponse("a bad parameter"),
		"500":                errResponse("a server error (logged)"),
	}
	if len(pathParamRE.FindAllString(rt.path, -1)) > 0 {
		responses["404"] = errResponse("no such record")
	}
	op := map[string]any{"operationId": rt.id, "summary": rt.summary, "responses": responses}
	if params != nil {
		op["parameters"] = params
	}
	if rt.body != "" {
		op["requestBody"] = map[string]any{"required": true, "content": jsonContent(rt.body)}
		op["security"] = []any{map[string]any{"bearer": []any{}}}
		responses["401"] = errResponse("no bearer token")
		responses["403"] = errResponse("a wrong token, or the server is read-only")
		responses["409"] = errResponse("the document is already stored")
		responses["413"] = errResponse("the body is too large")
		responses["415"] = errResponse("the body is not JSON")
	}
	return op
}

func jsonContent(schema string) map[string]any {
	return map[string]any{"application/json": map[string]any{"schema": ref(schema)}}
}

func errResponse(desc string) map[string]any {
	return map[string]any{"description": desc, "content": jsonContent("Error")}
}

func ref(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }

func typ(t ...string) map[string]any {
	if len(t) == 1 {
		return map[string]any{"type": t[0]}
	}
	return map[string]any{"type": t}
}

func arr(items map[string]any) map[string]any { return map[string]any{"type": "array", "items": items} }

// arrOrNull is an array that a record may leave null.
func arrOrNull(items map[string]any) map[string]any {
	return map[string]any{"type": []string{"array", "null"}, "items": items}
}

func orNull(name string) map[string]any {
	return map[string]any{"oneOf": []any{ref(name), typ("null")}}
}

// obj is a closed object schema: the properties listed, those in required
// always present.
func obj(props map[string]any, required ...string) map[string]any {
	req := []string{}
	req = append(req, required...)
	return map[string]any{"type": "object", "properties": props, "required": req, "additionalProperties": false}
}

// with returns a copy of props with more added.
func with(props map[string]any, more map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range props {
		out[k] = v
	}
	for k, v := range more {
		out[k] = v
	}
	return out
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func schemas() map[string]any {
	s, i, n, b := typ("string"), typ("integer"), typ("number"), typ("boolean")
	docRef := map[string]any{"doc_id": s, "doc_title": s, "doc_published": s}
	docRefReq := []string{"doc_id", "doc_title", "doc_published"}
	document := map[string]any{"id": s, "url": s, "title": s, "published": s, "source": s, "sentences": i}
	event := map[string]any{
		"id": s, "date": typ("string", "null"), "date_precision": s, "period": s,
		"source": orNull("Actor"), "target": orNull("Actor"), "reciprocal": b,
		"cameo": s, "cameo_root": s, "quad_class": i, "goldstein": n,
		"plover": obj(map[string]any{"event": s, "mode": s}, "event", "mode"),
		"status": s, "location": orNull("Location"), "evidence": ref("Evidence"),
	}
	eventReq := []string{"id", "date", "date_precision", "source", "target", "reciprocal", "cameo", "cameo_root",
		"quad_class", "goldstein", "plover", "status", "location", "evidence"}
	meeting := map[string]any{
		"id": s, "kind": s, "date": typ("string", "null"), "date_precision": s, "place": s, "country": s, "venue": s,
		"parties": arrOrNull(s), "round": i, "duration": s,
		"participants": arrOrNull(obj(map[string]any{"name": s, "country": s, "title": s, "role": s}, "name", "country")),
		"topics":       arrOrNull(s), "excluded_topics": arrOrNull(s), "outcomes": arrOrNull(s),
		"evidence": arrOrNull(ref("Evidence")),
	}
	meetingReq := []string{"id", "kind", "date", "date_precision", "parties", "participants", "topics", "excluded_topics", "outcomes", "evidence"}
	quote := map[string]any{
		"speaker": obj(map[string]any{"name": s, "country": s, "sector": s, "title": s}, "name", "country", "sector"),
		"text":    s, "cue": s, "social": b, "evidence": ref("Evidence"),
	}
	quoteReq := []string{"speaker", "text", "cue", "evidence"}
	measure := map[string]any{
		"id": s, "by": s, "against": s, "kind": s, "reversal": b, "size": s, "date": typ("string", "null"),
		"date_precision": s, "in_response_to": s, "evidence": ref("Evidence"),
	}
	measureReq := []string{"id", "by", "against", "kind", "date", "date_precision", "evidence"}
	issue := map[string]any{"topic": s, "parties": arrOrNull(s), "status": s, "date": typ("string", "null"),
		"date_precision": s, "cause": s, "evidence": ref("Evidence")}
	issueReq := []string{"topic", "parties", "status", "date", "date_precision", "evidence"}
	nextOffset := typ("integer", "null")
	return map[string]any{
		"Error": obj(map[string]any{"error": obj(map[string]any{"code": s, "message": s}, "code", "message")}, "error"),
		"Actor": obj(map[string]any{"code": s, "country": s, "sector": s, "name": s, "title": s, "org": s, "text": s},
			"code", "country", "sector", "text"),
		"Location":     obj(map[string]any{"name": s, "country": s, "lat": n, "lon": n}, "name", "country", "lat", "lon"),
		"Evidence":     obj(map[string]any{"sentence": i, "start": i, "end": i, "text": s, "trigger": s}, "sentence", "start", "end"),
		"Document":     obj(document, keys(document)...),
		"DocumentList": obj(map[string]any{"documents": arr(ref("Document")), "next_offset": nextOffset}, "documents", "next_offset"),
		"DocumentDetail": obj(with(document, map[string]any{
			"kind": s, "body": s, "content_hash": s, "warnings": arr(s),
			"annotations": map[string]any{"type": []string{"object", "null"}, "description": "the text layer: actors, places and dates with byte offsets"},
			"events":      arr(ref("RecordEvent")), "meetings": arr(ref("RecordMeeting")),
			"quotes": arr(ref("RecordQuote")), "measures": arr(ref("RecordMeasure")), "issues": arr(ref("RecordIssueUpdate")),
		}), append(keys(document), "kind", "body", "content_hash", "warnings", "annotations", "events", "meetings", "quotes", "measures", "issues")...),
		"DocumentResponse": obj(map[string]any{"document": ref("DocumentDetail")}, "document"),
		"NewDocument": obj(map[string]any{"id": s, "url": s, "title": s, "published": s, "source": s,
			"text": s, "html": s}),
		"IngestResponse": obj(map[string]any{"document": ref("Document"), "events": i, "meetings": i, "quotes": i,
			"measures": i, "warnings": arr(s)}, "document", "events", "meetings", "quotes", "measures", "warnings"),
		"RecordEvent":       obj(event, eventReq...),
		"Event":             obj(with(event, docRef), append(eventReq, docRefReq...)...),
		"EventList":         obj(map[string]any{"events": arr(ref("Event")), "next_cursor": s}, "events", "next_cursor"),
		"RecordMeeting":     obj(meeting, meetingReq...),
		"Meeting":           obj(with(meeting, docRef), append(meetingReq, docRefReq...)...),
		"MeetingList":       obj(map[string]any{"meetings": arr(ref("Meeting")), "next_offset": nextOffset}, "meetings", "next_offset"),
		"RecordQuote":       obj(quote, quoteReq...),
		"Quote":             obj(with(quote, docRef), append(quoteReq, docRefReq...)...),
		"QuoteList":         obj(map[string]any{"quotes": arr(ref("Quote")), "next_offset": nextOffset}, "quotes", "next_offset"),
		"RecordMeasure":     obj(measure, measureReq...),
		"Measure":           obj(with(measure, docRef), append(measureReq, docRefReq...)...),
		"MeasureList":       obj(map[string]any{"measures": arr(ref("Measure")), "next_offset": nextOffset}, "measures", "next_offset"),
		"RecordIssueUpdate": obj(issue, issueReq...),
		"DossierUpdate":     obj(with(issue, docRef), append(issueReq, docRefReq...)...),
		"Dossier": obj(map[string]any{"topic": s, "status": s, "date": s, "updates": arr(ref("DossierUpdate"))},
			"topic", "status", "date", "updates"),
		"DossierList": obj(map[string]any{"dyad": s, "dossiers": arr(ref("Dossier"))}, "dyad", "dossiers"),
		"DyadCount": obj(map[string]any{"dyad": s, "a": s, "b": s, "events": i, "mean_goldstein": n, "last": s},
			"dyad", "a", "b", "events", "mean_goldstein", "last"),
		"DyadList": obj(map[string]any{"dyads": arr(ref("DyadCount"))}, "dyads"),
		"DyadSummary": obj(map[string]any{"dyad": s, "a": s, "b": s, "events": i, "a_to_b": i, "b_to_a": i,
			"reciprocal": i, "cooperation": i, "conflict": i, "mean_goldstein": n, "first": s, "last": s,
			"plover":   map[string]any{"type": "object", "additionalProperties": i, "description": "events by PLOVER type"},
			"meetings": i, "quotes": i, "measures": i},
			"dyad", "a", "b", "events", "a_to_b", "b_to_a", "reciprocal", "cooperation", "conflict", "mean_goldstein",
			"first", "last", "plover", "meetings", "quotes", "measures"),
		"Series": obj(map[string]any{"dyad": s, "interval": s, "points": arr(ref("SeriesPoint"))}, "dyad", "interval", "points"),
		"SeriesPoint": obj(map[string]any{"period": s, "events": i, "cooperation": i, "conflict": i,
			"mean_goldstein": n, "mean_plover_score": n},
			"period", "events", "cooperation", "conflict", "mean_goldstein", "mean_plover_score"),
		"OpenAPI": map[string]any{"type": "object", "description": "an OpenAPI 3.1 document"},
	}
}

// constantTimeEqual compares a secret without leaking its prefix length.
func constantTimeEqual(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

func pathEscape(s string) string { return url.PathEscape(s) }
