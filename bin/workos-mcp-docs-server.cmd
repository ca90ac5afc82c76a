@echo off
rem Launches workos-mcp-docs-server with the JVM settings of bin/workos-mcp-docs-server (C1 only, Serial GC,
rem small heap, JVM warnings on stderr) and the JVM's own class-data sharing archive (JDK 19+) next to the jar.
rem Arguments are passed to the server; with none it serves MCP over stdio.
setlocal
set "HERE=%~dp0"
if defined WORKOS_DOCS_JAR (set "JAR=%WORKOS_DOCS_JAR%") else (
  if exist "%HERE%workos-mcp-docs-server.jar" (set "JAR=%HERE%workos-mcp-docs-server.jar") else (
    set "JAR=%HERE%..\target\workos-mcp-docs-server.jar"))
if not exist "%JAR%" (
  echo workos-mcp-docs-server: cannot find workos-mcp-docs-server.jar; build it or set WORKOS_DOCS_JAR 1>&2
  exit /b 2
)
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
rem Serving HTTP (serve --http, many clients at once) takes a larger heap and young generation.
set "HEAP=-Xms32m -Xmx128m -Xmn8m"
echo %* | findstr /c:"--http" >nul && set "HEAP=-Xms64m -Xmx256m -Xmn32m"
set "OPTS=-XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=100 -XX:Tier3MinInvocationThreshold=50 -XX:Tier3CompileThreshold=500 -XX:Tier3BackEdgeThreshold=5000 -XX:+UseSerialGC %HEAP% -Xss512k -XX:-UsePerfData -Xlog:disable -Xlog:all=warning:stderr -Xlog:cds=error:stderr -Dworkos.docs.launcher=true"
rem -XX:+AutoCreateSharedArchive needs JDK 19+; older JVMs ignore it thanks to IgnoreUnrecognizedVMOptions.
rem Only a stdio server run (no arguments) records the archive: it holds what the recording run loaded.
if "%~1"=="" (
  "%JAVA%" %OPTS% -XX:+IgnoreUnrecognizedVMOptions -XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=%JAR%.jsa" %WORKOS_DOCS_JAVA_OPTS% -jar "%JAR%"
  exit /b %ERRORLEVEL%
)
if exist "%JAR%.jsa" (
  "%JAVA%" %OPTS% -XX:+IgnoreUnrecognizedVMOptions "-XX:SharedArchiveFile=%JAR%.jsa" %WORKOS_DOCS_JAVA_OPTS% -jar "%JAR%" %*
) else (
  "%JAVA%" %OPTS% %WORKOS_DOCS_JAVA_OPTS% -jar "%JAR%" %*
)
exit /b %ERRORLEVEL%
