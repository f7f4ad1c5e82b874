<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>versus::net</name>
    <message numerus="yes">
        <location filename="../../core/providers/modellistkeycheck.cpp" line="+18"/>
        <source>%n model(s) available</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::BenchView</name>
    <message numerus="yes">
        <location filename="../../ui/benchtablemodels.cpp" line="+50"/>
        <source>%1 + %n unpriced</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+150"/>
        <source>%n request(s) used tokens of a model without a known price: they are left out of the total, not guessed. Add the price in Settings → Prices.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/benchview.cpp" line="+278"/>
        <source>Running… %n request(s) finished</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+19"/>
        <source>, %n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-3"/>
        <source>Stopped: %n request(s) finished</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Finished: %n request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+60"/>
        <source>Stored benchmark of %1 (%2), read-only: %n request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::ConversationView</name>
    <message numerus="yes">
        <location filename="../../ui/conversationnotes.cpp" line="+27"/>
        <source>Stopped: the model still called tools after %n round(s), the limit. Raise it in the lane&apos;s Tools and send again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/richtext.cpp" line="+347"/>
        <source>[%n more characters not shown: the answer is too long to show here. Export the conversation to read all of it.]</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::HistoryListModel</name>
    <message numerus="yes">
        <location filename="../../ui/historylistmodel.cpp" line="+114"/>
        <source>%n turn(s), last on %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::LaneTargetBar</name>
    <message numerus="yes">
        <location filename="../../ui/lanetargetbar.cpp" line="+201"/>
        <source>%n function tool(s) on.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n tool(s) run by the provider on.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::LeaderboardView</name>
    <message numerus="yes">
        <location filename="../../ui/leaderboardview.cpp" line="+155"/>
        <source>%n vote(s) counted. Bradley–Terry ratings; ± is half the 95% confidence interval (from the Fisher information). A best vote is a win over every other lane of its turn, a tie half a win each way; &quot;all bad&quot; is counted but is no win for anyone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::MetricsFooter</name>
    <message numerus="yes">
        <location filename="../../ui/metricsfooterlane.cpp" line="+28"/>
        <source>What this lane&apos;s conversation cost in all: %n answer(s), this one included.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::ProviderKeysPage</name>
    <message numerus="yes">
        <location filename="../../ui/settings/providerkeyspage.cpp" line="+145"/>
        <source>Copied. The clipboard is cleared in %n seconds.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+96"/>
        <source>Copy the key you typed; the clipboard is cleared after %n seconds</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::ScoreboardModel</name>
    <message numerus="yes">
        <location filename="../../ui/scoreboardmodel.cpp" line="+80"/>
        <source>ok, %n failed</source>
        <comment>answers of the lane that failed</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
