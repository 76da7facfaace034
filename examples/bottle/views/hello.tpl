<!doctype html>
<title>Hello</title>
<p>Hello, {{name}}!</p>
