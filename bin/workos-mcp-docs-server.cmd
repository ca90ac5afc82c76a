@echo off
rem Starts workos-mcp-docs-server with the JVM settings of bin/workos-mcp-docs-server (C1 only, Serial GC, small heap,
rem JVM warnings on stderr); arguments go to the server, with none it serves MCP over stdio. It writes nothing.
rem The self-contained image: runtime\ (a Java runtime), lib\workos-mcp-docs-server.jar and the cache made when the
rem image was built; a checkout: target\workos-mcp-docs-server.jar with %JAVA_HOME%\bin\java, else java on PATH.
setlocal
for %%I in ("%~dp0..") do set "HOME_DIR=%%~fI"
set "JAR=%HOME_DIR%\lib\workos-mcp-docs-server.jar"
if not exist "%JAR%" set "JAR=%HOME_DIR%\target\workos-mcp-docs-server.jar"
if not exist "%JAR%" (
  echo workos-mcp-docs-server: no jar in %HOME_DIR%\lib or %HOME_DIR%\target; build it: mvn -q -DskipTests package 1>&2
  exit /b 2
)
set "CACHE="
if exist "%HOME_DIR%\runtime\bin\java.exe" (
  set "JAVA=%HOME_DIR%\runtime\bin\java.exe"
  if exist "%HOME_DIR%\lib\workos-mcp-docs-server.aot" set "CACHE=-XX:AOTCache=%HOME_DIR%\lib\workos-mcp-docs-server.aot"
) else if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
set "HEAP=-Xms32m -Xmx128m -Xmn8m"
echo %* | findstr /c:"--http" >nul && set "HEAP=-Xms64m -Xmx256m -Xmn32m"
"%JAVA%" %CACHE% -XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=100 -XX:Tier3MinInvocationThreshold=50 -XX:Tier3CompileThreshold=500 -XX:Tier3BackEdgeThreshold=5000 -XX:CICompilerCount=1 -XX:+UseSerialGC %HEAP% -Xss512k -XX:-UsePerfData -Xlog:disable -Xlog:all=warning:stderr "-Dworkos.docs.launcher=%HOME_DIR%\bin\workos-mcp-docs-server.cmd" %WORKOS_DOCS_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
