<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Count</name>
    <message>
        <source>1 card</source>
        <translation>1장</translation>
    </message>
    <message>
        <source>%1 cards</source>
        <translation>%1장</translation>
    </message>
</context>
<context>
    <name>DeckOptionsDialog</name>
    <message>
        <source>Options for %1</source>
        <translation>%1 덱 옵션</translation>
    </message>
    <message>
        <source>New cards per day:</source>
        <translation>하루 새 카드 수:</translation>
    </message>
    <message>
        <source>Reviews per day:</source>
        <translation>하루 복습 카드 수:</translation>
    </message>
    <message>
        <source>Suspend a card when it becomes a leech (forgotten 8 times)</source>
        <translation>거머리 카드(8번 잊은 카드)가 되면 보류하기</translation>
    </message>
</context>
<context>
    <name>DeckPage</name>
    <message>
        <source>Study</source>
        <translation>공부하기</translation>
    </message>
    <message>
        <source>Options…</source>
        <translation>옵션…</translation>
    </message>
    <message>
        <source>Decks</source>
        <translation>덱</translation>
    </message>
    <message>
        <source>Study (S)</source>
        <translation>공부하기 (S)</translation>
    </message>
    <message>
        <source>Pick a deck and press Enter or Study. Right-click a deck for its options.</source>
        <translation>덱을 고르고 Enter나 공부하기를 누르세요. 덱을 오른쪽 클릭하면 옵션이 나옵니다.</translation>
    </message>
    <message>
        <source>There are no cards yet. Add a note with Add (A), or import a deck with File ▸ Import….</source>
        <translation>아직 카드가 없습니다. 추가(A)로 노트를 만들거나 파일 ▸ 가져오기…로 덱을 가져오세요.</translation>
    </message>
</context>
<context>
    <name>DeckTreeModel</name>
    <message>
        <source>New cards today: %1</source>
        <translation>오늘의 새 카드: %1장</translation>
    </message>
    <message>
        <source>Reviews due today: %1</source>
        <translation>오늘 복습할 카드: %1장</translation>
    </message>
    <message>
        <source>Re-drills waiting today: %1</source>
        <translation>오늘 다시 풀 카드: %1장</translation>
    </message>
    <message>
        <source>Cards in this deck: %1</source>
        <translation>이 덱의 카드: %1장</translation>
    </message>
    <message>
        <source>Deck</source>
        <translation>덱</translation>
    </message>
    <message>
        <source>New</source>
        <translation>새 카드</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>오늘 복습</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
</context>
<context>
    <name>Grades</name>
    <message>
        <source>blackout</source>
        <translation>전혀 기억 안 남</translation>
    </message>
    <message>
        <source>wrong, but familiar</source>
        <translation>틀림, 답 보니 기억남</translation>
    </message>
    <message>
        <source>wrong, but easy</source>
        <translation>틀림, 답이 쉬워 보임</translation>
    </message>
    <message>
        <source>correct, hard</source>
        <translation>힘들게 정답</translation>
    </message>
    <message>
        <source>correct, hesitated</source>
        <translation>망설였지만 정답</translation>
    </message>
    <message>
        <source>perfect</source>
        <translation>완벽</translation>
    </message>
    <message>
        <source>complete blackout</source>
        <translation>완전히 기억나지 않음</translation>
    </message>
    <message>
        <source>incorrect response; the correct one remembered</source>
        <translation>틀렸지만, 정답을 보니 기억이 남</translation>
    </message>
    <message>
        <source>incorrect response; where the correct one seemed easy to recall</source>
        <translation>틀렸지만, 정답을 보니 쉽게 떠올릴 수 있었을 것 같음</translation>
    </message>
    <message>
        <source>correct response recalled with serious difficulty</source>
        <translation>정답이지만 아주 힘들게 떠올림</translation>
    </message>
    <message>
        <source>correct response after a hesitation</source>
        <translation>잠시 망설인 뒤 정답</translation>
    </message>
    <message>
        <source>perfect response</source>
        <translation>막힘없이 완벽한 정답</translation>
    </message>
</context>
<context>
    <name>Interval</name>
    <message>
        <source>%1 d</source>
        <translation>%1일</translation>
    </message>
    <message>
        <source>%1 mo</source>
        <translation>%1개월</translation>
    </message>
    <message>
        <source>%1 y</source>
        <translation>%1년</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Due today: %1 · re-drills: %2 · new: %3 — %4 cards in %5 decks</source>
        <translation>오늘 복습: %1장 · 다시 풀기: %2장 · 새 카드: %3장 — 덱 %5개, 카드 %4장</translation>
    </message>
    <message>
        <source>Cannot study</source>
        <translation>공부를 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>되돌릴 것이 없습니다.</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>찾아보기</translation>
    </message>
    <message>
        <source>Browsing and searching cards arrives with the card browser, in a coming version.</source>
        <translation>카드를 찾아보고 검색하는 기능은 다음 버전에서 카드 브라우저와 함께 나옵니다.</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>통계</translation>
    </message>
    <message>
        <source>Charts and statistics arrive with the statistics feature. For now, run “flashcards stats” in a terminal.</source>
        <translation>그래프와 통계는 통계 기능과 함께 나옵니다. 지금은 터미널에서 “flashcards stats”를 실행해 보세요.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Importing from this window arrives with the import/export feature. Until then, run “flashcards import FILE.txt” in a terminal.</source>
        <translation>이 창에서 가져오는 기능은 가져오기/내보내기 기능과 함께 나옵니다. 그때까지는 터미널에서 “flashcards import 파일.txt”를 실행하세요.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Exporting arrives with the import/export feature.</source>
        <translation>내보내기는 가져오기/내보내기 기능과 함께 나옵니다.</translation>
    </message>
    <message>
        <source>About flashcards</source>
        <translation>flashcards 정보</translation>
    </message>
    <message>
        <source>flashcards %1 — offline spaced repetition with SuperMemo&apos;s SM-2.</source>
        <translation>flashcards %1 — SuperMemo의 SM-2로 하는 오프라인 간격 반복 학습.</translation>
    </message>
    <message>
        <source>Checking the collection…</source>
        <translation>컬렉션을 검사하는 중…</translation>
    </message>
    <message>
        <source>Check database</source>
        <translation>데이터베이스 검사</translation>
    </message>
    <message>
        <source>Problems were found that could not be repaired safely.</source>
        <translation>안전하게 고칠 수 없는 문제가 발견되었습니다.</translation>
    </message>
    <message>
        <source>No problems found. %1 cards checked.</source>
        <translation>문제가 없습니다. 카드 %1장을 검사했습니다.</translation>
    </message>
    <message>
        <source>Problems repaired: %2. Cards checked: %1.</source>
        <translation>문제 %2개를 고쳤습니다. 카드 %1장을 검사했습니다.</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>도구 모음</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>공부하기</translation>
    </message>
    <message>
        <source>Study today&apos;s cards of the selected deck</source>
        <translation>고른 덱의 오늘 카드를 공부합니다</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>노트 추가</translation>
    </message>
    <message>
        <source>Browse the cards</source>
        <translation>카드 찾아보기</translation>
    </message>
    <message>
        <source>Stats</source>
        <translation>통계</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Import a deck file</source>
        <translation>덱 파일 가져오기</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Export decks to a file</source>
        <translation>덱을 파일로 내보내기</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Daily limits, theme, language</source>
        <translation>하루 한도, 테마, 언어</translation>
    </message>
    <message>
        <source>Check the collection and repair it</source>
        <translation>컬렉션을 검사하고 고칩니다</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>마지막 변경 되돌리기</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>시작 안내</translation>
    </message>
    <message>
        <source>The welcome page</source>
        <translation>처음 쓰는 분을 위한 안내</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>공부(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Something went wrong</source>
        <translation>문제가 생겼습니다</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>예상하지 못한 오류</translation>
    </message>
    <message>
        <source>This is a bug in flashcards. The details below help to fix it.</source>
        <translation>flashcards의 버그입니다. 아래 자세한 내용이 고치는 데 도움이 됩니다.</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Added. New cards: %1.</source>
        <translation>추가했습니다. 새 카드: %1장.</translation>
    </message>
    <message>
        <source>Choose a deck. Parts of a deck name between :: cannot be empty.</source>
        <translation>덱을 고르세요. 덱 이름에서 :: 사이는 비워 둘 수 없습니다.</translation>
    </message>
    <message>
        <source>A cloze note needs a cloze such as {{c1::answer}} (Ctrl+Shift+C).</source>
        <translation>빈칸 채우기 노트에는 {{c1::정답}} 같은 빈칸이 있어야 합니다 (Ctrl+Shift+C).</translation>
    </message>
    <message>
        <source>This note makes no card yet: fill in “%1”.</source>
        <translation>아직 만들어질 카드가 없습니다. “%1” 칸을 채우세요.</translation>
    </message>
    <message>
        <source>⚠ A note with the same “%1” already exists.</source>
        <translation>⚠ “%1” 내용이 같은 노트가 이미 있습니다.</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>노트 추가</translation>
    </message>
    <message>
        <source>Edit the note</source>
        <translation>노트 편집</translation>
    </message>
    <message>
        <source>Note type:</source>
        <translation>노트 유형:</translation>
    </message>
    <message>
        <source>Deck:</source>
        <translation>덱:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>태그:</translation>
    </message>
    <message>
        <source>separated by spaces</source>
        <translation>띄어쓰기로 구분</translation>
    </message>
    <message>
        <source>Make a cloze […] (Ctrl+Shift+C)</source>
        <translation>빈칸 만들기 […] (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Add (Ctrl+Enter)</source>
        <translation>추가 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>저장 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Preview — front</source>
        <translation>미리 보기 — 앞면</translation>
    </message>
    <message>
        <source>Preview — back</source>
        <translation>미리 보기 — 뒷면</translation>
    </message>
</context>
<context>
    <name>Notetypes</name>
    <message>
        <source>Basic</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>Basic (and reversed card)</source>
        <translation>기본 (뒤집은 카드 포함)</translation>
    </message>
    <message>
        <source>Cloze</source>
        <translation>빈칸 채우기</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>앞면</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒷면</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>본문</translation>
    </message>
    <message>
        <source>Back Extra</source>
        <translation>뒷면 추가 설명</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Nothing to undo.</source>
        <translation>되돌릴 것이 없습니다.</translation>
    </message>
    <message>
        <source>Card buried until tomorrow. Ctrl+Z brings it back.</source>
        <translation>카드를 내일까지 숨겼습니다. Ctrl+Z로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Card suspended. Ctrl+Z brings it back.</source>
        <translation>카드를 보류했습니다. Ctrl+Z로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>새 카드</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>복습</translation>
    </message>
    <message>
        <source>Re-drill</source>
        <translation>다시 풀기</translation>
    </message>
    <message>
        <source>Show answer (Space)</source>
        <translation>정답 보기 (Space)</translation>
    </message>
    <message>
        <source>You graded this card below 4 earlier today, so it comes back until you grade it 4 or 5. Re-drills do not change its schedule.</source>
        <translation>오늘 이 카드에 4보다 낮은 점수를 주었기 때문에, 4나 5를 줄 때까지 다시 나옵니다. 다시 풀기는 복습 일정을 바꾸지 않습니다.</translation>
    </message>
    <message>
        <source>%v of %m answered</source>
        <translation>%m장 중 %v장 답함</translation>
    </message>
    <message>
        <source>Space: show answer · 0–5: grade · Ctrl+Z: undo · E: edit · -: bury · !: suspend · Esc: stop</source>
        <translation>Space: 정답 보기 · 0–5: 점수 · Ctrl+Z: 되돌리기 · E: 편집 · -: 내일까지 숨기기 · !: 보류 · Esc: 그만하기</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Studying</source>
        <translation>공부</translation>
    </message>
    <message>
        <source>New cards per day:</source>
        <translation>하루 새 카드 수:</translation>
    </message>
    <message>
        <source>Reviews per day:</source>
        <translation>하루 복습 카드 수:</translation>
    </message>
    <message>
        <source>A new day starts at:</source>
        <translation>하루가 시작되는 시각:</translation>
    </message>
    <message>
        <source>These limits are given to every deck when you press OK. To give one deck its own limits, right-click it in the deck list and choose Options.</source>
        <translation>확인을 누르면 모든 덱에 이 한도가 적용됩니다. 덱 하나에만 따로 한도를 주려면 덱 목록에서 그 덱을 오른쪽 클릭하고 옵션을 고르세요.</translation>
    </message>
    <message>
        <source>Appearance (applies at once)</source>
        <translation>화면 (바로 적용됨)</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>글자 크기:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>테마:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>언어:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>%1 pt</source>
        <translation>%1pt</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>flashcards is already open</source>
        <translation>flashcards가 이미 열려 있습니다</translation>
    </message>
    <message>
        <source>Another flashcards window is already using this collection. Switch to that window, or close it and start flashcards again.</source>
        <translation>다른 flashcards 창이 이 컬렉션을 쓰고 있습니다. 그 창으로 가거나, 그 창을 닫은 뒤 flashcards를 다시 시작하세요.</translation>
    </message>
    <message>
        <source>flashcards cannot start</source>
        <translation>flashcards를 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>The collection could not be opened.</source>
        <translation>컬렉션을 열 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Back to the decks</source>
        <translation>덱 목록으로</translation>
    </message>
    <message>
        <source>Cards answered:</source>
        <translation>답한 카드:</translation>
    </message>
    <message>
        <source>Correct (grade 3 or better):</source>
        <translation>정답 (3점 이상):</translation>
    </message>
    <message>
        <source>Time spent:</source>
        <translation>공부한 시간:</translation>
    </message>
    <message>
        <source>Grades given:</source>
        <translation>준 점수:</translation>
    </message>
    <message>
        <source>Due tomorrow:</source>
        <translation>내일 복습할 카드:</translation>
    </message>
    <message>
        <source>Well done — that&apos;s all for today!</source>
        <translation>수고했어요 — 오늘은 여기까지입니다!</translation>
    </message>
    <message>
        <source>Nothing left to study in this deck today.</source>
        <translation>오늘 이 덱에서 더 공부할 카드가 없습니다.</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Undid the last answer.</source>
        <translation>마지막 답을 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid burying the card.</source>
        <translation>카드 숨기기를 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid suspending the card.</source>
        <translation>카드 보류를 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid unsuspending the card.</source>
        <translation>카드 보류 해제를 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid adding the note.</source>
        <translation>노트 추가를 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid the note edit.</source>
        <translation>노트 편집을 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid the last change.</source>
        <translation>마지막 변경을 되돌렸습니다.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to flashcards</source>
        <translation>flashcards에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>Start my first session</source>
        <translation>첫 공부 시작하기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>환영합니다!</translation>
    </message>
    <message>
        <source>flashcards helps you remember what you study by showing each card again just before you would forget it.</source>
        <translation>flashcards는 카드를 잊어버리기 직전에 다시 보여 주어, 공부한 내용을 오래 기억하도록 돕습니다.</translation>
    </message>
    <message>
        <source>The decks that come with it</source>
        <translation>함께 들어 있는 덱</translation>
    </message>
    <message>
        <source>The AWS decks are made from Korean notes of an AWS training day: what the main services do, how EC2 can be bought, and the security basics. Each card asks one thing, and each fact was checked against AWS&apos;s documentation.</source>
        <translation>AWS 덱은 AWS 교육 행사에서 한국어로 정리한 노트로 만들었습니다. 주요 서비스가 하는 일, EC2를 구매하는 방법, 보안 기본 원칙을 다룹니다. 카드 하나는 한 가지만 묻고, 모든 내용은 AWS 공식 문서로 확인했습니다.</translation>
    </message>
    <message>
        <source>How a review works</source>
        <translation>복습은 이렇게 합니다</translation>
    </message>
    <message>
        <source>Pick a deck and press Study. You see a question: answer it in your head, then press Space to see the answer. Then say how well you remembered by pressing a key from 0 to 5. The better you remembered, the longer until you see the card again; each button shows how long that would be. A card you grade below 4 comes back later today until you know it (a re-drill).</source>
        <translation>덱을 고르고 공부하기를 누르세요. 질문이 나오면 머릿속으로 답한 뒤 Space를 눌러 정답을 확인합니다. 그다음 얼마나 잘 기억했는지 0부터 5까지 숫자 키로 알려 주세요. 잘 기억할수록 그 카드를 다시 보기까지 오래 걸리고, 각 버튼에 그 간격이 나옵니다. 4보다 낮게 답한 카드는 알게 될 때까지 오늘 다시 나옵니다(다시 풀기).</translation>
    </message>
    <message>
        <source>The six grades (SuperMemo&apos;s SM-2)</source>
        <translation>여섯 가지 점수 (SuperMemo의 SM-2)</translation>
    </message>
    <message>
        <source>Other keys: Ctrl+Z undoes the last answer, E edits the card, - hides it until tomorrow, ! suspends it.</source>
        <translation>그 밖의 키: Ctrl+Z는 마지막 답을 되돌리고, E는 카드를 편집하고, -는 카드를 내일까지 숨기고, !는 카드를 보류합니다.</translation>
    </message>
    <message>
        <source>Bringing cards from Anki</source>
        <translation>Anki에서 카드 가져오기</translation>
    </message>
    <message>
        <source>In Anki, choose File ▸ Export…, set the format to “Notes in Plain Text (.txt)” and tick “Include HTML and media references”, “Include deck name”, “Include notetype name” and “Include unique identifier”. Then import the file in a terminal with “flashcards import FILE.txt” (File ▸ Import… in this window arrives with the import/export feature). Importing a changed file again updates your notes and keeps their review history.</source>
        <translation>Anki에서 파일 ▸ 내보내기…를 고르고, 형식을 “Notes in Plain Text (.txt)”(일반 텍스트 노트)로 정한 뒤 “Include HTML and media references”, “Include deck name”, “Include notetype name”, “Include unique identifier”에 체크하세요(Anki의 메뉴 이름은 언어 설정에 따라 다릅니다). 그다음 터미널에서 “flashcards import 파일.txt”로 가져옵니다(이 창의 파일 ▸ 가져오기…는 가져오기/내보내기 기능과 함께 나옵니다). 내용을 고친 파일을 다시 가져오면 노트가 갱신되고 복습 기록은 그대로 남습니다.</translation>
    </message>
    <message>
        <source>You can open this page again from Help ▸ Welcome.</source>
        <translation>이 안내는 도움말 ▸ 시작 안내에서 다시 볼 수 있습니다.</translation>
    </message>
</context>
</TS>
