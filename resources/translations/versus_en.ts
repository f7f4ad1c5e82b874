<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>versus::net</name>
    <message numerus="yes">
        <location filename="../../core/providers/modellistkeycheck.cpp" line="+18"/>
        <source>%n model(s) available</source>
        <translation>
            <numerusform>%n model available</numerusform>
            <numerusform>%n models available</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::BenchView</name>
    <message numerus="yes">
        <location filename="../../ui/benchtablemodels.cpp" line="+51"/>
        <source>%1 + %n unpriced</source>
        <translation>
            <numerusform>%1 + %n unpriced</numerusform>
            <numerusform>%1 + %n unpriced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+151"/>
        <source>%n request(s) used tokens of a model without a known price: they are left out of the total, not guessed. Add the price in Settings → Prices.</source>
        <translation>
            <numerusform>%n request used tokens of a model without a known price: they are left out of the total, not guessed. Add the price in Settings → Prices.</numerusform>
            <numerusform>%n requests used tokens of a model without a known price: they are left out of the total, not guessed. Add the price in Settings → Prices.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/benchview.cpp" line="+278"/>
        <source>Running… %n request(s) finished</source>
        <translation>
            <numerusform>Running… %n request finished</numerusform>
            <numerusform>Running… %n requests finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+19"/>
        <source>, %n failed</source>
        <translation>
            <numerusform>, %n failed</numerusform>
            <numerusform>, %n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-3"/>
        <source>Stopped: %n request(s) finished</source>
        <translation>
            <numerusform>Stopped: %n request finished</numerusform>
            <numerusform>Stopped: %n requests finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Finished: %n request(s)</source>
        <translation>
            <numerusform>Finished: %n request</numerusform>
            <numerusform>Finished: %n requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+60"/>
        <source>Stored benchmark of %1 (%2), read-only: %n request(s)</source>
        <translation>
            <numerusform>Stored benchmark of %1 (%2), read-only: %n request</numerusform>
            <numerusform>Stored benchmark of %1 (%2), read-only: %n requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::ConversationView</name>
    <message numerus="yes">
        <location filename="../../ui/conversationnotes.cpp" line="+27"/>
        <source>Stopped: the model still called tools after %n round(s), the limit. Raise it in the lane&apos;s Tools and send again.</source>
        <translation>
            <numerusform>Stopped: the model still called tools after %n round, the limit. Raise it in the lane&apos;s Tools and send again.</numerusform>
            <numerusform>Stopped: the model still called tools after %n rounds, the limit. Raise it in the lane&apos;s Tools and send again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/richtext.cpp" line="+347"/>
        <source>[%n more characters not shown: the answer is too long to show here. Export the conversation to read all of it.]</source>
        <translation>
            <numerusform>[%n more character not shown: the answer is too long to show here. Export the conversation to read all of it.]</numerusform>
            <numerusform>[%n more characters not shown: the answer is too long to show here. Export the conversation to read all of it.]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conversationview.cpp" line="+375"/>
        <source>▲ Show earlier turns (%n more)</source>
        <translation>
            <numerusform>▲ Show %n earlier turn</numerusform>
            <numerusform>▲ Show earlier turns (%n more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messagelinks.cpp" line="+51"/>
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source> · %Ln token(s)</source>
        <translation>
            <numerusform> · %Ln token</numerusform>
            <numerusform> · %Ln tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source> · ~%Ln token(s)</source>
        <translation>
            <numerusform> · ~%Ln token</numerusform>
            <numerusform> · ~%Ln tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::HistoryListModel</name>
    <message numerus="yes">
        <location filename="../../ui/historylistmodel.cpp" line="+114"/>
        <source>%n turn(s), last on %1</source>
        <translation>
            <numerusform>%n turn, last on %1</numerusform>
            <numerusform>%n turns, last on %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::LaneTargetBar</name>
    <message numerus="yes">
        <location filename="../../ui/lanetargetbar.cpp" line="+201"/>
        <source>%n function tool(s) on.</source>
        <translation>
            <numerusform>%n function tool on.</numerusform>
            <numerusform>%n function tools on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n tool(s) run by the provider on.</source>
        <translation>
            <numerusform>%n tool run by the provider on.</numerusform>
            <numerusform>%n tools run by the provider on.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::LeaderboardView</name>
    <message numerus="yes">
        <location filename="../../ui/leaderboardview.cpp" line="+159"/>
        <source>%n vote(s) counted. Bradley–Terry ratings; ± is half the 95% confidence interval (from the Fisher information). A best vote is a win over every other lane of its turn, a tie half a win each way; &quot;all bad&quot; is counted but is no win for anyone.</source>
        <translation>
            <numerusform>%n vote counted. Bradley–Terry ratings; ± is half the 95% confidence interval (from the Fisher information). A best vote is a win over every other lane of its turn, a tie half a win each way; &quot;all bad&quot; is counted but is no win for anyone.</numerusform>
            <numerusform>%n votes counted. Bradley–Terry ratings; ± is half the 95% confidence interval (from the Fisher information). A best vote is a win over every other lane of its turn, a tie half a win each way; &quot;all bad&quot; is counted but is no win for anyone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/estimatesummary.cpp" line="+48"/>
        <source>no price for %n lane(s)</source>
        <translation>
            <numerusform>no price for %n lane</numerusform>
            <numerusform>no price for %n lanes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::MetricsFooter</name>
    <message numerus="yes">
        <location filename="../../ui/metricsfooterlane.cpp" line="+31"/>
        <source>What this lane&apos;s conversation cost in all: %n answer(s), this one included.</source>
        <translation>
            <numerusform>What this lane&apos;s conversation cost in all: %n answer, this one included.</numerusform>
            <numerusform>What this lane&apos;s conversation cost in all: %n answers, this one included.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%Ln request(s) left</source>
        <translation>
            <numerusform>%Ln request left</numerusform>
            <numerusform>%Ln requests left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%Ln token(s) left</source>
        <translation>
            <numerusform>%Ln token left</numerusform>
            <numerusform>%Ln tokens left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/metricsfooter.cpp" line="+146"/>
        <source>~%Ln token(s)</source>
        <translation>
            <numerusform>~%Ln token</numerusform>
            <numerusform>~%Ln tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::ProviderKeysPage</name>
    <message numerus="yes">
        <location filename="../../ui/settings/providerkeyspage.cpp" line="+147"/>
        <source>Copied. The clipboard is cleared in %n seconds.</source>
        <translation>
            <numerusform>Copied. The clipboard is cleared in %n second.</numerusform>
            <numerusform>Copied. The clipboard is cleared in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+96"/>
        <source>Copy the key you typed; the clipboard is cleared after %n seconds</source>
        <translation>
            <numerusform>Copy the key you typed; the clipboard is cleared after %n second</numerusform>
            <numerusform>Copy the key you typed; the clipboard is cleared after %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::ScoreboardModel</name>
    <message numerus="yes">
        <location filename="../../ui/scoreboardmodel.cpp" line="+80"/>
        <source>ok, %n failed</source>
        <comment>answers of the lane that failed</comment>
        <translation>
            <numerusform>ok, %n failed</numerusform>
            <numerusform>ok, %n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::SessionStatus</name>
    <message numerus="yes">
        <location filename="../../ui/sessionstatus.cpp" line="+31"/>
        <source>⚠ %n problem(s) in the provider or price catalogs</source>
        <translation>
            <numerusform>⚠ %n problem in the provider or price catalogs</numerusform>
            <numerusform>⚠ %n problems in the provider or price catalogs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>versus::ui::ToolTrace</name>
    <message numerus="yes">
        <location filename="../../ui/tooltracerender.cpp" line="+296"/>
        <source>Reasoning (%n word(s))</source>
        <translation>
            <numerusform>Reasoning (%n word)</numerusform>
            <numerusform>Reasoning (%n words)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n round(s)</source>
        <translation>
            <numerusform>%n round</numerusform>
            <numerusform>%n rounds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n invalid</source>
        <translation>
            <numerusform>%n invalid</numerusform>
            <numerusform>%n invalid</numerusform>
        </translation>
    </message>
</context>
</TS>
