/*
 * Chrome requires an icon for a "basic" notification and the extension ships no image files yet;
 * a 48×48 PNG (blue tile, white baton) inlined as a data URL works in the service worker on
 * Chrome and Firefox without a web-accessible resource.
 */
export const NOTIFICATION_ICON_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAA5UlEQVR42u3aSw6CUAwF0LcTd+T63Y3GKQYi7f1VacKQpCdh0N6y1pd1uz+eymd1S90wDJTW+ClIevOHiCnN7yJGA6Y1/4E489K7xgNSEC1AAqL0/W/LjugC3AgIwImAAVwIKMCBgAPUCApAiaABVIjSHJSEKA9yKYjWJJqAaI/SbgRkF3AiYMuMCwHdxhwI+DqpRlD2YSWCttCrENREQoGgRypshCQTYiJkoRYLIU3lxgMYG50lFx0PQKYb1mR6PACR9EXcB6qAqAPHeEDl9hB5YioBrivldSv+o2v97//sMe13mxcqZCT0WdyUxgAAAABJRU5ErkJggg==';
